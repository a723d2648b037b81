import { userInfo } from "node:os";
import { createInterface, type Interface } from "node:readline";
import type { Datadesk } from "../../core/bot/create-datadesk.js";
import type { InboundRequest } from "../../core/bot/inbound-request.js";
import { type Translate, translator } from "../../core/i18n/translator.js";
import type { Card } from "../../core/shared/card.js";
import type { PlatformIdentity } from "../../core/shared/platform.js";
import type { PlatformAdapter } from "../platform-adapter.js";
import { ConsoleFormSession } from "./console-form.js";
import { type ConsoleRendering, renderConsoleCard } from "./console-renderer.js";
import type { SampleCatalogOffer } from "./sample-catalog-offer.js";

export interface ConsoleAdapterOptions {
  core: Datadesk;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Who is typing; defaults to the operating-system user. */
  username?: string;
  /** Offered on a first run (no catalog yet); absent, the console never offers it. */
  sampleCatalog?: SampleCatalogOffer;
  /** Called when the person types quit or closes the input (Ctrl-D). */
  onExit?: () => void;
}

const QUIT = new Set(["quit", "exit", "salir", ":q"]);
const YES = new Set(["y", "yes", "s", "si", "sí"]);
const NO = new Set(["n", "no"]);

/**
 * The local terminal chat: the default when no platform credentials are set, so anyone can try
 * datadesk with nothing but Node. Each line is a message; `!N` presses a button of the last card.
 */
export function createConsoleAdapter(options: ConsoleAdapterOptions): PlatformAdapter {
  const output = options.output ?? process.stdout;
  const username = options.username ?? osUsername();
  const identity: PlatformIdentity = {
    platform: "console",
    workspaceId: "local",
    userId: username,
    displayName: username,
  };
  let rl: Interface | null = null;
  let lastButtons: ConsoleRendering["buttons"] = [];
  let queue = Promise.resolve();
  let stopping = false;
  let t: Translate = translator("en");

  const write = (text: string) => output.write(`${text}\n`);

  let form: ConsoleFormSession | null = null;
  /** Waiting for yes or no to the sample catalog offer (made once, at start). */
  let sampleOffered = false;

  function show(card: Card): void {
    const rendering = renderConsoleCard(card, { actionsHint: t("console:actionsHint") });
    lastButtons = rendering.buttons;
    write(rendering.text);
  }

  function openForm(session: ConsoleFormSession): void {
    form = session;
    write(t("console:form.intro", { title: session.form.title }));
    write(session.prompt() ?? "");
  }

  async function answer(request: InboundRequest): Promise<void> {
    const reply = await options.core.handle(identity, request);
    switch (reply.kind) {
      case "none":
        return;
      case "form":
        return openForm(new ConsoleFormSession(reply.form, t));
      case "errors": {
        // A terminal can't keep a modal open: say what is wrong, then ask only those fields again.
        if (request.kind !== "form") return;
        const retry = reply.retry ?? form?.form;
        if (!retry) return;
        for (const [fieldId, error] of Object.entries(reply.errors)) {
          const label = retry.fields.find((f) => f.id === fieldId)?.label ?? fieldId;
          write(t("console:form.fix", { label, error }));
        }
        const inError = Object.keys(reply.errors);
        return openForm(
          new ConsoleFormSession(retry, t, request.values, inError.length > 0 ? inError : undefined),
        );
      }
      case "card":
        return show(reply.card);
      case "update":
        // Nothing to replace at a terminal: the new state, then what only this person is told.
        show(reply.card);
        if (reply.notice) show(reply.notice);
        return;
    }
  }

  async function onFormLine(session: ConsoleFormSession, line: string): Promise<void> {
    if (line.trim().toLowerCase() === "cancel") {
      form = null;
      return void write(t("console:form.cancelled"));
    }
    const error = session.answer(line);
    if (error) {
      write(error);
      return void write(session.prompt() ?? "");
    }
    const next = session.prompt();
    if (next !== null) return void write(next);
    form = null;
    await answer({
      kind: "form",
      formId: session.form.formId,
      context: session.form.context,
      values: session.collected,
    });
  }

  /** True when the line was the answer to the offer; anything else withdraws it and goes on. */
  async function onSampleAnswer(offer: SampleCatalogOffer, text: string): Promise<boolean> {
    sampleOffered = false;
    const word = text.toLowerCase();
    if (NO.has(word)) {
      write(t("console:sample.declined"));
      return true;
    }
    if (!YES.has(word)) return false;
    write(t("console:sample.loading"));
    const { datasets } = await offer.load();
    write(t("console:sample.loaded", { count: datasets, name: offer.name }));
    return true;
  }

  async function onLine(line: string): Promise<void> {
    if (form) return onFormLine(form, line);
    const text = line.trim();
    if (text === "") return;
    if (sampleOffered && options.sampleCatalog && (await onSampleAnswer(options.sampleCatalog, text))) return;
    if (QUIT.has(text.toLowerCase())) {
      rl?.close();
      return;
    }
    const button = /^!(\d+)$/.exec(text);
    if (!button) return answer({ kind: "message", text });
    const action = lastButtons[Number(button[1]) - 1];
    if (!action) return void write(t("console:noSuchButton", { number: button[1] }));
    return answer({ kind: "action", actionId: action.actionId, value: action.value });
  }

  return {
    name: "console",
    async start() {
      const me = await options.core.describeActor(identity);
      t = translator(me.locale);
      write(t("console:welcome", { name: me.displayName, community: me.communityName }));
      if (options.sampleCatalog && (await options.sampleCatalog.applies())) {
        sampleOffered = true;
        write(t("console:sample.offer"));
      }
      rl = createInterface({ input: options.input ?? process.stdin, terminal: false });
      rl.on("line", (line) => {
        // One line at a time, in order, even when an answer takes a while.
        queue = queue.then(() => onLine(line));
      });
      rl.on("close", () => {
        void queue.then(() => {
          if (!stopping) {
            write(t("console:goodbye"));
            options.onExit?.();
          }
        });
      });
    },
    async stop() {
      stopping = true;
      rl?.close();
      await queue;
    },
  };
}

function osUsername(): string {
  try {
    return userInfo().username || "local";
  } catch {
    return "local";
  }
}
