import { TZDate } from "@date-fns/tz";
import { format, startOfISOWeek } from "date-fns";
import type { RequestContext } from "../bot/request-context.js";
import type { ChannelPurpose, CommunityConfig } from "../ports/community-directory.js";
import { isDomainError } from "../shared/domain-error.js";
import type { FormValues } from "../shared/form.js";
import { channelIdFromMention, splitMentions } from "./community-mentions.js";
import { resolvePerson } from "./resolve-person.js";
import { CHANNEL_PURPOSES, channelsHere, type SetupSection } from "./setup-card.js";
import type { SetupValidator, Validated } from "./setup-forms.js";
import {
  cleanTopics,
  validHour,
  validLocale,
  validMonday,
  validTimezone,
  validWeekday,
} from "./setup-validation.js";

/**
 * Each setup section's rules: a submission becomes per-field errors, no change (the same values
 * again: nothing written, nothing audited), or a change to write with what the audit entry says.
 */
function channelsValidator(ctx: RequestContext, config: CommunityConfig, values: FormValues): Validated {
  const here = channelsHere(ctx, config);
  if (!here) return { errors: { problems: ctx.t("community:setup.channelsNone") } };
  const errors: Record<string, string> = {};
  const changes: [ChannelPurpose, string][] = [];
  for (const purpose of CHANNEL_PURPOSES) {
    const typed = (values[purpose] ?? "").trim();
    if (typed === "") continue;
    const id = channelIdFromMention(ctx.identity.platform, typed);
    if (!id) errors[purpose] = ctx.t("community:setup.errors.channel");
    else if (id !== here[purpose]) changes.push([purpose, id]);
  }
  if (Object.keys(errors).length > 0) return { errors };
  if (changes.length === 0) return { change: null };
  const { platform, workspaceId } = ctx.identity;
  if (platform === "console") return { change: null };
  return {
    change: {
      details: { platform, workspace: workspaceId, ...Object.fromEntries(changes) },
      write: async (tx) => {
        for (const [purpose, id] of changes)
          await tx.directory.setChannel(ctx.community.id, platform, workspaceId, purpose, id);
      },
    },
  };
}

function regionValidator(ctx: RequestContext, config: CommunityConfig, values: FormValues): Validated {
  const timezone = validTimezone(values.timezone ?? "");
  const locale = validLocale(values.locale ?? "");
  const errors: Record<string, string> = {};
  if (!timezone)
    errors.timezone = ctx.t("community:setup.errors.timezone", {
      value: (values.timezone ?? "").trim().slice(0, 64),
    });
  if (!locale) errors.locale = ctx.t("community:setup.errors.locale");
  if (!timezone || !locale) return { errors };
  if (timezone === config.timezone && locale === config.locale) return { change: null };
  return {
    change: {
      details: { timezone, locale },
      write: async (tx) => {
        if (timezone !== config.timezone) await tx.directory.setTimezone(ctx.community.id, timezone);
        if (locale !== config.locale) await tx.directory.setLocale(ctx.community.id, locale);
      },
    },
  };
}

function digestValidator(ctx: RequestContext, config: CommunityConfig, values: FormValues): Validated {
  const weekday = validWeekday(values.weekday ?? "");
  const hour = validHour(values.hour ?? "");
  const errors: Record<string, string> = {};
  if (weekday === null) errors.weekday = ctx.t("community:setup.errors.weekday");
  if (hour === null) errors.hour = ctx.t("community:setup.errors.hour");
  if (weekday === null || hour === null) return { errors };
  const schedule = { weekday, hour, sendWhenQuiet: values.quiet === "true" };
  const { digest } = config;
  if (digest.weekday === weekday && digest.hour === hour && digest.sendWhenQuiet === schedule.sendWhenQuiet)
    return { change: null };
  return {
    change: {
      details: {
        weekday: String(weekday),
        hour: String(hour),
        sendWhenQuiet: String(schedule.sendWhenQuiet),
      },
      write: (tx) => tx.directory.setDigestSchedule(ctx.community.id, schedule),
    },
  };
}

function topicsValidator(ctx: RequestContext, config: CommunityConfig, values: FormValues): Validated {
  const cleaned = cleanTopics((values.topics ?? "").split(/[\n,]/));
  if (!cleaned.ok) {
    const { problem } = cleaned;
    return {
      errors: {
        topics:
          problem.kind === "tooMany"
            ? ctx.t("community:setup.errors.tooManyTopics", { max: problem.max })
            : ctx.t("community:setup.errors.topicTooLong", {
                topic: problem.topic.slice(0, 80),
                max: problem.max,
              }),
      },
    };
  }
  const { topics } = cleaned;
  if (topics.join("\n") === config.topics.join("\n")) return { change: null };
  return {
    change: {
      details: { topics: topics.join(", ") },
      write: (tx) => tx.directory.setTopics(ctx.community.id, topics),
    },
  };
}

async function oncallValidator(
  ctx: RequestContext,
  config: CommunityConfig,
  values: FormValues,
): Promise<Validated> {
  const tokens = splitMentions(values.people ?? "");
  const errors: Record<string, string> = {};
  const personIds: string[] = [];
  for (const token of tokens.slice(0, 50)) {
    try {
      const person = await resolvePerson(ctx, token);
      if (!personIds.includes(person.personId)) personIds.push(person.personId);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      errors.people = ctx.t("community:setup.errors.people", { who: token.slice(0, 40) });
      break;
    }
  }
  const typedStart = (values.starts_on ?? "").trim();
  const startsOn =
    typedStart === ""
      ? format(startOfISOWeek(new TZDate(ctx.deps.clock.now(), config.timezone)), "yyyy-MM-dd")
      : validMonday(typedStart);
  if (!startsOn) errors.starts_on = ctx.t("community:setup.errors.startsOn");
  if (Object.keys(errors).length > 0 || !startsOn) return { errors };
  const rotation = personIds.length > 0 ? { personIds, startsOn } : null;
  const same =
    (rotation === null && config.oncall === null) ||
    (rotation !== null &&
      config.oncall !== null &&
      rotation.startsOn === config.oncall.startsOn &&
      rotation.personIds.join() === config.oncall.personIds.join());
  if (same) return { change: null };
  return {
    change: {
      details: rotation
        ? { people: rotation.personIds.join(", "), startsOn: rotation.startsOn }
        : { people: "" },
      write: (tx) => tx.directory.setOncall(ctx.community.id, rotation),
    },
  };
}

/** The validator of each setup section (the form ids are "setup.<section>"). */
export const setupValidators: Record<SetupSection, SetupValidator> = {
  channels: async (ctx, config, values) => channelsValidator(ctx, config, values),
  region: async (ctx, config, values) => regionValidator(ctx, config, values),
  digest: async (ctx, config, values) => digestValidator(ctx, config, values),
  topics: async (ctx, config, values) => topicsValidator(ctx, config, values),
  oncall: oncallValidator,
};
