import type { RequestContext } from "../bot/request-context.js";
import { invocationOf } from "../commands/invocation.js";
import { hasAnyRole } from "../people/roles.js";
import type { FormReply, Reply } from "../shared/card.js";
import type { Form, FormField, FormValues } from "../shared/form.js";

export const BIO_MAX = 280;
export const CONTACT_MAX = 120;
const PROFILE_ROLES = ["champion", "steward"] as const;

function say(text: string, accent: "info" | "success"): Reply {
  return {
    kind: "card",
    visibility: "ephemeral",
    card: { fallbackText: text, accent, blocks: [{ type: "section", text: [text] }] },
  };
}

/** Slack shows a multiselect as checkboxes, which hold ten; values come back joined by commas. */
const MAX_PICKABLE_TOPICS = 10;

/**
 * The topics as a multiselect of the community's when they fit one, else a comma-separated text
 * field; the submission is read the same way for both (split on commas, matched to the list).
 */
function topicsField(ctx: RequestContext, topics: string[], current: string, hint: string): FormField {
  const pickable =
    topics.length > 0 &&
    topics.length <= MAX_PICKABLE_TOPICS &&
    topics.every((topic) => !topic.includes(","));
  if (pickable) {
    const chosen = current
      .split(",")
      .map((typed) => topics.find((topic) => topic.toLowerCase() === typed.trim().toLowerCase()))
      .filter((topic): topic is string => topic !== undefined);
    return {
      id: "topics",
      kind: "multiselect",
      label: ctx.t("community:profile.fields.topicsPick.label"),
      required: false,
      options: topics.map((topic) => ({ label: topic, value: topic })),
      ...(chosen.length > 0 ? { initialValue: [...new Set(chosen)].join(",") } : {}),
    };
  }
  return {
    id: "topics",
    kind: "text",
    label: ctx.t("community:profile.fields.topics.label"),
    hint: hint.length > 100 ? `${hint.slice(0, 99)}…` : hint,
    required: false,
    maxLength: 1000,
    ...(current ? { initialValue: current.slice(0, 1000) } : {}),
  };
}

function profileForm(
  ctx: RequestContext,
  topics: string[],
  values: { topics: string; bio: string; contact: string },
): Form {
  const topicHint =
    topics.length > 0
      ? ctx.t("community:profile.fields.topics.hint", { topics: topics.join(", ") })
      : ctx.t("community:profile.fields.topicsNone.hint");
  return {
    formId: "community.profile",
    context: "",
    title: ctx.t("community:profile.title").slice(0, 24),
    submitLabel: ctx.t("community:profile.submit"),
    fields: [
      topicsField(ctx, topics, values.topics, topicHint),
      {
        id: "bio",
        kind: "multiline",
        label: ctx.t("community:profile.fields.bio.label"),
        hint: ctx.t("community:profile.fields.bio.hint", { max: BIO_MAX }),
        required: false,
        maxLength: BIO_MAX,
        ...(values.bio ? { initialValue: values.bio.slice(0, BIO_MAX) } : {}),
      },
      {
        id: "contact",
        kind: "text",
        label: ctx.t("community:profile.fields.contact.label"),
        hint: ctx.t("community:profile.fields.contact.hint", { max: CONTACT_MAX }),
        required: false,
        maxLength: CONTACT_MAX,
        ...(values.contact ? { initialValue: values.contact.slice(0, CONTACT_MAX) } : {}),
      },
    ],
  };
}

/** `profile`: champions, stewards and admins edit what the champions directory says about them. */
export async function profileCommand(ctx: RequestContext): Promise<Reply> {
  if (!hasAnyRole(ctx.actor, PROFILE_ROLES)) return say(ctx.t("community:profile.notForMembers"), "info");
  const [config, profile] = await Promise.all([
    ctx.deps.directory.config(ctx.community.id),
    ctx.deps.memberships.profile(ctx.community.id, ctx.actor.personId),
  ]);
  return {
    kind: "form",
    form: profileForm(ctx, config.topics, {
      topics: profile?.topics.join(", ") ?? "",
      bio: profile?.bio ?? "",
      contact: profile?.contactNote ?? "",
    }),
  };
}

/**
 * The submitted profile: topics must be the community's (matched case-insensitively, stored in
 * its spelling), bio and contact note bounded. Saved with an audit entry in one unit of work.
 */
export async function submitProfileForm(
  ctx: RequestContext,
  _context: string,
  values: FormValues,
): Promise<FormReply> {
  if (!hasAnyRole(ctx.actor, PROFILE_ROLES)) return say(ctx.t("community:profile.notForMembers"), "info");
  const config = await ctx.deps.directory.config(ctx.community.id);
  const typed = [
    ...new Set(
      (values.topics ?? "")
        .split(/[,\n]/)
        .map((topic) => topic.trim())
        .filter((topic) => topic !== ""),
    ),
  ];
  const topics: string[] = [];
  const unknown: string[] = [];
  for (const topic of typed) {
    const known = config.topics.find((candidate) => candidate.toLowerCase() === topic.toLowerCase());
    if (known) {
      if (!topics.includes(known)) topics.push(known);
    } else unknown.push(topic);
  }
  const bio = (values.bio ?? "").trim();
  const contact = (values.contact ?? "").trim();
  const errors: Record<string, string> = {};
  if (unknown.length > 0) {
    errors.topics = ctx.t("community:profile.unknownTopics", {
      topics: unknown.join(", "),
      known: config.topics.join(", ") || "—",
    });
  }
  if (bio.length > BIO_MAX)
    errors.bio = ctx.t("community:profile.tooLong", { max: BIO_MAX, length: bio.length });
  if (contact.length > CONTACT_MAX)
    errors.contact = ctx.t("community:profile.tooLong", { max: CONTACT_MAX, length: contact.length });
  if (Object.keys(errors).length > 0) {
    return {
      kind: "errors",
      errors,
      retry: profileForm(ctx, config.topics, { topics: values.topics ?? "", bio, contact }),
    };
  }
  const saved = await ctx.deps.communityUnitOfWork.run(async (tx) => {
    const profile = await tx.memberships.updateProfile(ctx.community.id, ctx.actor.personId, {
      topics,
      bio: bio || null,
      contactNote: contact || null,
    });
    if (!profile) return null;
    await tx.audit.append({
      communityId: ctx.community.id,
      at: ctx.deps.clock.now(),
      actorId: ctx.actor.personId,
      actorName: ctx.actor.displayName,
      platform: ctx.identity.platform,
      action: "profile_updated",
      subjectType: "membership",
      subjectId: ctx.actor.personId,
      subjectRef: ctx.actor.displayName,
      reason: null,
      details: { topics: topics.join(", ") },
    });
    return profile;
  });
  if (!saved) return say(ctx.t("community:profile.notForMembers"), "info");
  return say(
    ctx.t("community:profile.saved", { command: invocationOf(ctx.identity.platform, "champions") }),
    "success",
  );
}
