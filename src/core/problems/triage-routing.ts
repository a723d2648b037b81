import type { CommunityConfig, CommunityDirectory, OncallRotation } from "../ports/community-directory.js";
import type { RichText } from "../shared/card.js";
import type { Platform } from "../shared/platform.js";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Whose on-call week it is: turns of one week each, counted from the rotation's start. */
export function oncallPersonId(rotation: OncallRotation | null, now: Date): string | null {
  if (!rotation || rotation.personIds.length === 0) return null;
  const start = Date.parse(`${rotation.startsOn}T00:00:00Z`);
  if (Number.isNaN(start)) return null;
  const weeks = Math.floor((now.getTime() - start) / WEEK_MS);
  const n = rotation.personIds.length;
  return rotation.personIds[((weeks % n) + n) % n] ?? null;
}

/**
 * Who a new problem pings in the triage channel: the champions of its topic; with none (or no
 * topic), the week's on-call champion. Returned per platform as mention segments, because a
 * mention only works on the platform where the person has an account.
 */
export async function triagePings(
  directory: Pick<CommunityDirectory, "membersWithRole" | "contacts">,
  config: CommunityConfig,
  topic: string | null,
  now: Date,
  intro: (names: string) => string,
): Promise<Map<Platform, RichText>> {
  let personIds: string[] = [];
  if (topic) {
    const champions = await directory.membersWithRole(config.communityId, ["champion"], topic);
    personIds = champions.map((c) => c.personId);
  }
  if (personIds.length === 0) {
    const oncall = oncallPersonId(config.oncall, now);
    if (oncall) personIds = [oncall];
  }
  const pings = new Map<Platform, RichText>();
  if (personIds.length === 0) return pings;
  const contacts = await directory.contacts(personIds);
  for (const contact of contacts) {
    for (const account of contact.accounts) {
      if (account.platform === "console") continue;
      const text = pings.get(account.platform) ?? [];
      if (text.some((s) => typeof s !== "string" && "mention" in s && s.mention === account.userId)) continue;
      if (text.length > 0) text.push(" ");
      text.push({ mention: account.userId, text: contact.displayName });
      pings.set(account.platform, text);
    }
  }
  for (const [platform, text] of pings) {
    const names = text.flatMap((s) => (typeof s !== "string" && "mention" in s ? [s.text] : [])).join(", ");
    pings.set(platform, [...text, " ", intro(names)]);
  }
  return pings;
}
