import type { RequestContext } from "../bot/request-context.js";
import { accountScope } from "../people/account-scope.js";
import { requireRole } from "../people/roles.js";
import type { CommunityConfig } from "../ports/community-directory.js";
import type { CommunityTransactionStores } from "../ports/membership-store.js";
import type { FormReply, Reply } from "../shared/card.js";
import { DomainError } from "../shared/domain-error.js";
import type { Form, FormField, FormValues } from "../shared/form.js";
import { CHANNEL_PURPOSES, channelsHere, type SetupSection, setupCard } from "./setup-card.js";
import { MAX_TOPIC_LENGTH, MAX_TOPICS, supportedLocales } from "./setup-validation.js";

/** A validated change: what to write (inside the unit) and what the audit entry says. */
export interface SetupChange {
  details: Record<string, string>;
  write: (tx: CommunityTransactionStores) => Promise<void>;
}
export type Validated = { errors: Record<string, string> } | { change: SetupChange | null };

/** `setup` (admins): the summary card with a button per section. */
export async function setupCommand(ctx: RequestContext): Promise<Reply> {
  requireRole(ctx.actor, ["admin"]);
  const config = await ctx.deps.directory.config(ctx.community.id);
  return { kind: "card", visibility: "ephemeral", card: await setupCard(ctx, config) };
}

function field(
  ctx: RequestContext,
  id: string,
  kind: FormField["kind"],
  initial: string,
  extra: Partial<FormField> = {},
): FormField {
  return {
    id,
    kind,
    label: ctx.t(`community:setup.fields.${id}.label`).slice(0, 45),
    required: false,
    ...(initial !== "" ? { initialValue: initial } : {}),
    ...extra,
  };
}

async function sectionFields(
  ctx: RequestContext,
  section: SetupSection,
  config: CommunityConfig,
): Promise<FormField[]> {
  switch (section) {
    case "channels": {
      const here = channelsHere(ctx, config);
      if (!here) throw new DomainError("invalid_input", "community:setup.channelsNone");
      return CHANNEL_PURPOSES.map((purpose) => ({
        id: purpose,
        kind: "text" as const,
        label: ctx
          .t("community:setup.fields.channel.label", {
            name: ctx.t(`community:setup.channelNames.${purpose}`),
          })
          .slice(0, 45),
        hint: ctx.t("community:setup.fields.channel.hint"),
        required: false,
        maxLength: 100,
        ...(here[purpose] ? { initialValue: here[purpose] } : {}),
      }));
    }
    case "region":
      return [
        field(ctx, "timezone", "text", config.timezone, {
          required: true,
          maxLength: 64,
          hint: ctx.t("community:setup.fields.timezone.hint"),
        }),
        field(ctx, "locale", "select", config.locale, {
          required: true,
          options: supportedLocales.map((locale) => ({
            label: ctx.t(`community:localeNames.${locale}`),
            value: locale,
          })),
        }),
      ];
    case "digest":
      return [
        field(ctx, "weekday", "select", String(config.digest.weekday), {
          required: true,
          options: [1, 2, 3, 4, 5, 6, 7].map((day) => ({
            label: ctx.t(`community:weekdays.${day}`),
            value: String(day),
          })),
        }),
        field(ctx, "hour", "text", String(config.digest.hour), {
          required: true,
          maxLength: 2,
          hint: ctx.t("community:setup.fields.hour.hint"),
        }),
        field(ctx, "quiet", "checkbox", String(config.digest.sendWhenQuiet)),
      ];
    case "topics":
      return [
        field(ctx, "topics", "multiline", config.topics.join("\n"), {
          maxLength: 2000,
          hint: ctx.t("community:setup.fields.topics.hint", { max: MAX_TOPICS, length: MAX_TOPIC_LENGTH }),
        }),
      ];
    case "oncall": {
      const contacts = config.oncall ? await ctx.deps.directory.contacts(config.oncall.personIds) : [];
      const scope = accountScope(ctx.identity);
      const mentions = contacts.flatMap((contact) => {
        const account = contact.accounts.find(
          (a) => a.platform === ctx.identity.platform && a.workspaceId === scope,
        );
        if (!account) return [];
        return [ctx.identity.platform === "console" ? account.userId : `<@${account.userId}>`];
      });
      return [
        field(ctx, "people", "multiline", mentions.join(" "), {
          maxLength: 1000,
          hint: ctx.t("community:setup.fields.people.hint"),
        }),
        field(ctx, "starts_on", "text", config.oncall?.startsOn ?? "", {
          label: ctx.t("community:setup.fields.startsOn.label"),
          hint: ctx.t("community:setup.fields.startsOn.hint"),
          maxLength: 10,
        }),
      ];
    }
  }
}

async function setupForm(ctx: RequestContext, section: SetupSection, config: CommunityConfig): Promise<Form> {
  return {
    formId: `setup.${section}`,
    context: "",
    title: ctx.t(`community:setup.forms.${section}.title`).slice(0, 24),
    submitLabel: ctx.t(`community:setup.forms.${section}.submit`).slice(0, 24),
    fields: await sectionFields(ctx, section, config),
  };
}

/** A setup button: the section's small form, filled with what is set now. */
export async function openSetupForm(ctx: RequestContext, section: SetupSection): Promise<Reply> {
  requireRole(ctx.actor, ["admin"]);
  const config = await ctx.deps.directory.config(ctx.community.id);
  return { kind: "form", form: await setupForm(ctx, section, config) };
}

export type SetupValidator = (
  ctx: RequestContext,
  config: CommunityConfig,
  values: FormValues,
) => Promise<Validated>;

/**
 * A section's submission: checked again for admin (time passed since the button), validated
 * field by field (errors shown in the form), then written with one `setup_changed` audit entry in
 * one unit of work, and answered with the updated summary in place of the card.
 */
export async function submitSetupForm(
  ctx: RequestContext,
  section: SetupSection,
  values: FormValues,
  validate: SetupValidator,
): Promise<FormReply> {
  requireRole(ctx.actor, ["admin"]);
  const config = await ctx.deps.directory.config(ctx.community.id);
  const result = await validate(ctx, config, values);
  if ("errors" in result) {
    const retry = await setupForm(ctx, section, config);
    retry.fields = retry.fields.map((f) =>
      values[f.id] !== undefined
        ? { ...f, initialValue: (values[f.id] ?? "").slice(0, f.maxLength ?? 4000) }
        : f,
    );
    return { kind: "errors", errors: result.errors, retry };
  }
  const setting = ctx.t(`community:setup.settings.${section}`);
  if (result.change) {
    const { change } = result;
    await ctx.deps.communityUnitOfWork.run(async (tx) => {
      await change.write(tx);
      await tx.audit.append({
        communityId: ctx.community.id,
        at: ctx.deps.clock.now(),
        actorId: ctx.actor.personId,
        actorName: ctx.actor.displayName,
        platform: ctx.identity.platform,
        action: "setup_changed",
        subjectType: "community",
        subjectId: ctx.community.id,
        subjectRef: ctx.community.slug,
        reason: null,
        details: { setting: section, ...change.details },
      });
    });
  }
  const fresh = await ctx.deps.directory.config(ctx.community.id);
  return {
    kind: "update",
    card: await setupCard(ctx, fresh),
    notice: {
      fallbackText: ctx.t("community:setup.saved", { setting }),
      accent: "success",
      blocks: [{ type: "section", text: [ctx.t("community:setup.saved", { setting })] }],
    },
  };
}
