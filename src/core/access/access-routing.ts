import type { Translate } from "../i18n/translator.js";
import type { CommunityConfig, CommunityDirectory } from "../ports/community-directory.js";
import type { CatalogDataset } from "../ports/dataset-search.js";
import { contactLocale, dmAccount } from "../problems/problem-messages.js";
import { type RouteLevel, type RouteStep, type RouteTarget, routeLevels } from "./access-request.js";
import type { StewardDirectory } from "./ports.js";

export interface RoutingDeps {
  directory: Pick<CommunityDirectory, "membersWithRole" | "contacts">;
  stewards: StewardDirectory;
}

export interface RoutingInput {
  config: CommunityConfig;
  /** Null when the dataset left the catalog: only the community-wide levels remain. */
  dataset: CatalogDataset | null;
  /** Never routed to: nobody decides their own request. */
  requesterId: string;
  communityLocale: string;
  at: Date;
}

/** The community topic a dataset is about: a theme or keyword equal to a topic (any case). */
export function datasetTopics(config: CommunityConfig, dataset: CatalogDataset | null): string[] {
  if (!dataset) return [];
  const words = new Set([...dataset.themes, ...dataset.keywords].map((w) => w.trim().toLowerCase()));
  return config.topics.filter((topic) => words.has(topic.trim().toLowerCase()));
}

/** DM targets of people, in their language; people with no account that has DMs are skipped. */
async function personTargets(
  deps: RoutingDeps,
  personIds: readonly string[],
  communityLocale: string,
): Promise<RouteTarget[]> {
  if (personIds.length === 0) return [];
  const contacts = await deps.directory.contacts(personIds);
  return contacts.flatMap((contact) => {
    const account = dmAccount(contact);
    if (!account || account.platform === "console") return [];
    return [
      {
        platform: account.platform,
        kind: "user" as const,
        id: account.userId,
        locale: contactLocale(contact, communityLocale),
      },
    ];
  });
}

async function candidates(
  deps: RoutingDeps,
  level: RouteLevel,
  input: RoutingInput,
): Promise<{ personIds: string[]; topic: string | null; channels: RouteTarget[] }> {
  const { config, dataset } = input;
  const none = { personIds: [], topic: null, channels: [] };
  switch (level) {
    case "steward":
      return dataset
        ? { ...none, personIds: await deps.stewards.stewardsOf(config.communityId, dataset.id) }
        : none;
    case "contact": {
      const email = dataset?.contactEmail?.trim();
      if (!email) return none;
      const personId = await deps.stewards.personIdByEmail(config.communityId, email);
      return personId ? { ...none, personIds: [personId] } : none;
    }
    case "topic_champions": {
      for (const topic of datasetTopics(config, dataset)) {
        const champions = await deps.directory.membersWithRole(config.communityId, ["champion"], topic);
        const personIds = champions.map((c) => c.personId).filter((id) => id !== input.requesterId);
        if (personIds.length > 0) return { personIds, topic, channels: [] };
      }
      return none;
    }
    case "triage":
      return {
        ...none,
        channels: config.channels.flatMap((c) =>
          c.triageChannelId && c.platform !== "console"
            ? [
                {
                  platform: c.platform,
                  kind: "channel" as const,
                  id: c.triageChannelId,
                  locale: input.communityLocale,
                },
              ]
            : [],
        ),
      };
    case "admins": {
      // The last resort of a community with no triage channel; with one, champions are the last level.
      if (config.channels.some((c) => c.triageChannelId && c.platform !== "console")) return none;
      const admins = await deps.directory.membersWithRole(config.communityId, ["admin"]);
      return { ...none, personIds: admins.map((a) => a.personId) };
    }
  }
}

/**
 * The first routing level after `after` (from the top when null) that reaches someone. Null when
 * no later level does: the request stays where it is. The requester is never among the people.
 */
export async function routeAfter(
  deps: RoutingDeps,
  input: RoutingInput,
  after: RouteLevel | null,
): Promise<RouteStep | null> {
  const start = after === null ? 0 : routeLevels.indexOf(after) + 1;
  for (const level of routeLevels.slice(start)) {
    const found = await candidates(deps, level, input);
    const personIds = [...new Set(found.personIds)].filter((id) => id !== input.requesterId);
    if (personIds.length === 0 && found.channels.length === 0) continue;
    const targets = [...found.channels, ...(await personTargets(deps, personIds, input.communityLocale))];
    return { level, personIds, topic: found.topic, targets, at: input.at };
  }
  return null;
}

/**
 * Where a new request goes. With nobody at any level (a brand-new community), it waits for the
 * community's admins, who see it in their `requests` list.
 */
export async function firstRoute(deps: RoutingDeps, input: RoutingInput): Promise<RouteStep> {
  return (
    (await routeAfter(deps, input, null)) ?? {
      level: "admins",
      personIds: [],
      topic: null,
      targets: [],
      at: input.at,
    }
  );
}

/** Who it went to, as a role the requester may know: never a name or an address. */
export function routeRole(t: Translate, step: Pick<RouteStep, "level" | "topic">): string {
  return t(`access:roles.${step.level}`, { topic: step.topic ?? "" });
}
