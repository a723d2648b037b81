import { z } from "zod";
import type { RequestContext } from "../bot/request-context.js";
import { hasAnyRole } from "../people/roles.js";
import type { DigestSubscription } from "../ports/digest-subscriptions.js";
import { type Card, ephemeral, type FormReply, type Reply } from "../shared/card.js";
import type { Form, FormValues } from "../shared/form.js";
import type { FormHandler } from "../shared/handlers.js";
import { nextDigestAt } from "./digest-schedule.js";
import { championOnlySectionKeys, type DigestSectionKey, digestSectionKeys } from "./digest-types.js";

/**
 * `/datadesk digest settings`: someone's personal weekly digest by DM, on or off, with the
 * sections they want. Opt-in: nobody gets one until they save it on. The access request sections
 * are offered to champions only (request details never reach anyone else), and delivery drops
 * them again for someone who stopped being a champion.
 */
export const DIGEST_SETTINGS_FORM_ID = "digest.settings";

/** Who may choose the champion-only sections (access requests waiting, SLA breaches). */
const CHAMPION_ROLES = ["champion", "admin"] as const;

function sectionsFor(ctx: RequestContext): DigestSectionKey[] {
  return hasAnyRole(ctx.actor, CHAMPION_ROLES)
    ? [...digestSectionKeys]
    : digestSectionKeys.filter((key) => !championOnlySectionKeys.includes(key));
}

function settingsForm(ctx: RequestContext, values: { enabled: string; sections: string }): Form {
  const { t } = ctx;
  return {
    formId: DIGEST_SETTINGS_FORM_ID,
    context: "",
    title: t("digestSettings:form.title"),
    submitLabel: t("digestSettings:form.submit"),
    fields: [
      {
        id: "enabled",
        kind: "checkbox",
        label: t("digestSettings:form.enabled"),
        hint: t("digestSettings:form.enabledHint"),
        required: false,
        initialValue: values.enabled,
      },
      {
        id: "sections",
        kind: "multiselect",
        label: t("digestSettings:form.sections"),
        hint: t("digestSettings:form.sectionsHint"),
        required: false,
        ...(values.sections !== "" ? { initialValue: values.sections } : {}),
        options: sectionsFor(ctx).map((key) => ({ label: t(`digestSettings:sections.${key}`), value: key })),
      },
    ],
  };
}

/** Opens the form with what they saved, or, the first time, on with every section they may have. */
export async function openDigestSettings(ctx: RequestContext): Promise<Reply> {
  const saved = await ctx.deps.digestSubscriptions.get(ctx.actor.personId, ctx.community.id);
  const values = saved
    ? { enabled: String(saved.enabled), sections: saved.sections.join(",") }
    : { enabled: "true", sections: sectionsFor(ctx).join(",") };
  return { kind: "form", form: settingsForm(ctx, values) };
}

const submissionSchema = z.object({
  // An unticked Slack checkbox can be missing from the submission: that means off.
  enabled: z.enum(["true", "false"]).default("false"),
  sections: z.string().max(1000).default(""),
});

type Checked = { enabled: boolean; sections: DigestSectionKey[] } | { errors: Record<string, string> };

function check(ctx: RequestContext, values: FormValues): Checked {
  const parsed = submissionSchema.safeParse(values);
  if (!parsed.success) return { errors: { enabled: ctx.t("digestSettings:errors.onOff") } };
  const chosen = parsed.data.sections
    .split(",")
    .map((value) => value.trim())
    .filter((value) => value !== "");
  const allowed = sectionsFor(ctx);
  for (const value of chosen) {
    if (!(digestSectionKeys as readonly string[]).includes(value))
      return {
        errors: { sections: ctx.t("digestSettings:errors.unknownSection", { value: value.slice(0, 40) }) },
      };
    if (!allowed.includes(value as DigestSectionKey))
      return { errors: { sections: ctx.t("digestSettings:errors.championsOnly") } };
  }
  const enabled = parsed.data.enabled === "true";
  if (enabled && chosen.length === 0)
    return { errors: { sections: ctx.t("digestSettings:errors.noSections") } };
  return { enabled, sections: digestSectionKeys.filter((key) => chosen.includes(key)) };
}

async function savedCard(ctx: RequestContext, saved: DigestSubscription): Promise<Card> {
  const { t } = ctx;
  let status = t("digestSettings:saved.off");
  if (saved.enabled) {
    const config = await ctx.deps.directory.config(ctx.community.id);
    const next = nextDigestAt(config, ctx.deps.clock.now());
    const date = new Intl.DateTimeFormat(ctx.actor.locale, {
      dateStyle: "full",
      timeStyle: "short",
      timeZone: config.timezone,
    }).format(next);
    status = t("digestSettings:saved.on", { date });
  }
  const sections = saved.sections.map((key) => t(`digestSettings:sections.${key}`));
  return {
    fallbackText: `${t("digestSettings:saved.title")}. ${status}`,
    accent: "success",
    blocks: [
      { type: "header", text: t("digestSettings:saved.title") },
      { type: "section", text: [status] },
      {
        type: "fields",
        fields: [
          {
            label: t("digestSettings:saved.sections"),
            value: [sections.length > 0 ? sections.join(", ") : t("digestSettings:saved.none")],
          },
        ],
      },
    ],
  };
}

/** Validates and saves the form; errors come back on the form with what was chosen kept. */
export async function submitDigestSettings(
  ctx: RequestContext,
  _context: string,
  values: FormValues,
): Promise<FormReply> {
  const checked = check(ctx, values);
  if ("errors" in checked) {
    return {
      kind: "errors",
      errors: checked.errors,
      retry: settingsForm(ctx, { enabled: values.enabled ?? "false", sections: values.sections ?? "" }),
    };
  }
  const saved = await ctx.deps.digestSubscriptions.save(
    { personId: ctx.actor.personId, communityId: ctx.community.id, ...checked },
    ctx.deps.clock.now(),
  );
  return ephemeral(await savedCard(ctx, saved));
}

/** Form submissions of the personal digest settings, for the route table. */
export const digestSettingsFormHandlers: Record<string, FormHandler> = {
  [DIGEST_SETTINGS_FORM_ID]: submitDigestSettings,
};
