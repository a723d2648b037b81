import type { Translate } from "../i18n/translator.js";
import type { Card } from "../shared/card.js";
import { renderDigestCard } from "./digest-card.js";
import { type SectionContext, sectionBuilders } from "./digest-sections.js";
import {
  championOnlySectionKeys,
  type Digest,
  type DigestAudience,
  type DigestDeps,
  type DigestSection,
  type DigestSectionKey,
  type DigestWeek,
  digestSectionKeys,
} from "./digest-types.js";
import { previousWeek } from "./digest-week.js";

/*
 * The weekly digest: what happened in a community during one week of its own calendar, as data.
 * `buildDigest` asks the `DigestSource` one question per section; `digestCard` turns the answer
 * into a neutral card for any platform. Scheduling and delivery build on these two.
 */

/**
 * Sections that report what happened this week. The rest are standing lists (overdue datasets,
 * problems waiting for triage, requests waiting, SLA breaches: reminders already chase those)
 * and figures: they would make every week look busy, so alone they don't make a digest worth
 * sending.
 */
export const happeningSectionKeys: readonly DigestSectionKey[] = [
  "newProblems",
  "mostVoted",
  "statusChanges",
  "showcases",
  "datasetChanges",
  "dataMatches",
  "metadataGaps",
];

/**
 * Nothing happened: impact figures alone (and standing lists) don't make a digest worth sending.
 * Except to someone who kept only those for their own digest: they asked for them every week,
 * so theirs is quiet only when every section they kept is empty.
 */
export function isQuietWeek(digest: Digest): boolean {
  const wanted = sectionsFor(digest.audience);
  if (digest.audience.kind === "person" && !wanted.some((key) => happeningSectionKeys.includes(key)))
    return digest.sections.length === 0;
  return !digest.sections.some((section) => happeningSectionKeys.includes(section.key));
}

export function digestCard(digest: Digest, t: Translate): Card {
  return renderDigestCard(digest, t);
}

/** The sections an audience gets, in the digest's order. */
export function sectionsFor(audience: DigestAudience): DigestSectionKey[] {
  switch (audience.kind) {
    case "channel":
      return digestSectionKeys.filter((key) => !championOnlySectionKeys.includes(key));
    case "champions":
      return [...digestSectionKeys];
    case "person":
      // The caller (personal digest settings) offers champion-only sections to champions only.
      return digestSectionKeys.filter((key) => audience.sections.includes(key));
  }
}

export async function buildDigest(
  deps: DigestDeps,
  input: { communityId: string; week: DigestWeek; audience: DigestAudience },
): Promise<Digest> {
  const config = await deps.directory.config(input.communityId);
  const previous = previousWeek(input.week, config.timezone);
  const now = deps.clock.now();
  const context: SectionContext = {
    deps,
    window: { communityId: input.communityId, start: input.week.start, end: input.week.end },
    previousWindow: { communityId: input.communityId, start: previous.start, end: previous.end },
    asOf: now < input.week.end ? now : input.week.end,
    timezone: config.timezone,
    staleBusinessDays: config.triage.staleBusinessDays,
  };
  const built = await Promise.all(sectionsFor(input.audience).map((key) => sectionBuilders[key](context)));
  return {
    communityId: input.communityId,
    communityName: config.name,
    timezone: config.timezone,
    week: input.week,
    audience: input.audience,
    sections: built.filter((section): section is DigestSection => section !== null),
  };
}
