import type { RequestContext } from "../bot/request-context.js";
import { invocationOf } from "../commands/invocation.js";
import { noticeCard as notice, type Reply } from "../shared/card.js";
import { DomainError } from "../shared/domain-error.js";
import type { CommandArgs } from "../shared/handlers.js";
import { normalizeTypedCode, readableCode } from "../shared/readable-code.js";

const CODE_LENGTH = 8;
const CODE_TTL_MS = 15 * 60 * 1000;

export function newLinkCode(random: () => number = Math.random): string {
  return readableCode(CODE_LENGTH, (n) => Math.floor(random() * n));
}

/**
 * `link`: without a code, gives a one-time code to type on the other platform; with one, joins
 * this account to the person who asked for it. From then on their votes count once and they get
 * one DM per change, wherever they are.
 */
export async function linkCommand(
  ctx: RequestContext,
  args: CommandArgs,
  random?: () => number,
): Promise<Reply> {
  const typed = typeof args.code === "string" ? normalizeTypedCode(args.code) : "";
  const now = ctx.deps.clock.now();
  if (typed === "") {
    if (ctx.identity.platform === "console")
      throw new DomainError("invalid_input", "people:link.notOnConsole");
    const code = newLinkCode(random ?? Math.random);
    await ctx.deps.accountLinks.issue(ctx.actor.personId, code, new Date(now.getTime() + CODE_TTL_MS));
    const other = ctx.identity.platform === "slack" ? "discord" : "slack";
    const text = ctx.t("people:link.issued", {
      code,
      command: `${invocationOf(other, "link")} ${code}`,
      minutes: CODE_TTL_MS / 60_000,
    });
    return { kind: "card", visibility: "ephemeral", card: notice(text) };
  }
  if (!/^[A-Z0-9]{4,16}$/.test(typed)) throw new DomainError("invalid_input", "people:link.badCode");
  const result = await ctx.deps.accountLinks.redeem(typed, ctx.actor.personId, now);
  switch (result.status) {
    case "linked":
      return {
        kind: "card",
        visibility: "ephemeral",
        card: notice(ctx.t("people:link.linked"), "success"),
      };
    case "same_person":
      return { kind: "card", visibility: "ephemeral", card: notice(ctx.t("people:link.samePerson")) };
    case "expired":
      throw new DomainError("invalid_input", "people:link.expired");
    case "unknown":
      throw new DomainError("invalid_input", "people:link.badCode");
  }
}
