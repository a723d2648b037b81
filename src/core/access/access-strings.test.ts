import { describe, expect, it } from "vitest";
import {
  accessWorld,
  checklistValues,
  detailsValues,
  recipient,
  textOf,
  who,
} from "../../../test/fakes/core/in-memory-access-world.js";
import { translator } from "../i18n/translator.js";
import { cardPlainText } from "../shared/card.js";
import { formSchema } from "../shared/form.js";
import { checklistForm, detailsForm } from "./access-form.js";
import { accessModule } from "./index.js";

function leaves(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") out.set(prefix, value);
  else if (value && typeof value === "object")
    for (const [key, child] of Object.entries(value))
      for (const [k, v] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe("access strings and forms", () => {
  const en = leaves(accessModule.i18n.en);
  const es = leaves(accessModule.i18n.es);

  it("has the same keys and placeholders in English and Spanish", () => {
    expect([...es.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of en) expect(placeholders(es.get(key) ?? ""), key).toEqual(placeholders(text));
  });

  it("fits every platform's limits in both languages", () => {
    for (const [key, text] of [...en, ...es]) {
      if (/\.label$/.test(key)) expect(text.length, key).toBeLessThanOrEqual(45);
      if (/\.hint$|\.placeholder$/.test(key)) expect(text.length, key).toBeLessThanOrEqual(100);
      if (/^buttons\./.test(key))
        expect(text.replace("{{ref}}", "AR-99999").length, key).toBeLessThanOrEqual(75);
      if (/^commands\.|^options\./.test(key)) expect(text.length, key).toBeLessThanOrEqual(100);
    }
    for (const locale of ["en", "es"]) {
      const t = translator(locale);
      formSchema.parse(detailsForm(t, "00000000-0000-4000-8000-000000000000"));
      formSchema.parse(checklistForm(t, "00000000-0000-4000-8000-000000000000"));
      expect(detailsForm(t, "x").fields.length).toBeLessThanOrEqual(5);
      expect(checklistForm(t, "x").fields.length).toBeLessThanOrEqual(5);
      for (const spec of accessModule.commandSpecs)
        expect(t(spec.descriptionKey)).not.toBe(spec.descriptionKey.split(":")[1]);
    }
  });

  it("speaks Spanish to a Spanish requester and each steward in their own language", async () => {
    const world = await accessWorld();
    const ana = { ...who.ana, locale: "es-ES" };
    const constraints = await world.handle(ana, { kind: "commandText", text: "request ambulance" });
    expect(textOf(constraints)).toMatch(/Antes de solicitar: Ambulance Response Times/);
    const first = await world.submit(ana, "access.details", world.dataset("ambulance"), detailsValues);
    const draft =
      first.kind === "card" ? first.card.blocks.flatMap((b) => (b.type === "actions" ? b.actions : [])) : [];
    const next = draft.find((a) => a.kind === "button" && a.actionId === "access.checklist");
    if (next?.kind !== "button") throw new Error(textOf(first));
    const sent = await world.submit(ana, "access.checklist", next.value, checklistValues);
    expect(textOf(sent)).toMatch(
      /La solicitud AR-1 para Ambulance Response Times se envió a la persona responsable/,
    );
    const toDana = world.deps.outbox.messages.find((m) => recipient(m) === "UDANA");
    expect(toDana && cardPlainText(toDana.card)).toMatch(/Ana asks for access for 3 months/);
  });
});
