/**
 * Who a Slack user is beyond their id: the language Slack shows them (so we answer in it) and the
 * name they go by. Slack only tells us through `users.info`, which is rate-limited (tier 4), so
 * answers are kept for a while in a bounded in-memory map. A failed lookup is remembered briefly
 * and answered as "unknown": the person still gets a reply, in the community's language.
 */

export interface SlackUserProfile {
  locale: string | undefined;
  displayName: string | undefined;
  /** Slack only shares it with the users:read.email scope; absent otherwise. */
  email?: string | undefined;
}

export interface SlackUserDirectory {
  /** Never rejects. */
  lookup(teamId: string, userId: string): Promise<SlackUserProfile>;
}

export interface SlackUserDirectoryOptions {
  /** Asks Slack; may throw. */
  fetchProfile: (userId: string) => Promise<SlackUserProfile>;
  onError: (error: unknown, userId: string) => void;
  ttlMs?: number;
  failureTtlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  profile: Promise<SlackUserProfile>;
  expiresAt: number;
}

const UNKNOWN: SlackUserProfile = { locale: undefined, displayName: undefined };

export function createSlackUserDirectory(options: SlackUserDirectoryOptions): SlackUserDirectory {
  const ttlMs = options.ttlMs ?? 60 * 60_000;
  const failureTtlMs = options.failureTtlMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 5_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  function remember(key: string, entry: Entry): void {
    entries.delete(key);
    entries.set(key, entry);
    // Maps iterate in insertion order, so the first key is the least recently used.
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  }

  return {
    lookup(teamId, userId) {
      const key = `${teamId}:${userId}`;
      const cached = entries.get(key);
      if (cached && cached.expiresAt > now()) {
        remember(key, cached);
        return cached.profile;
      }
      // The pending promise is cached too, so a burst of messages from one person asks Slack once.
      const entry: Entry = { profile: Promise.resolve(UNKNOWN), expiresAt: now() + ttlMs };
      entry.profile = Promise.resolve()
        .then(() => options.fetchProfile(userId))
        .catch((error: unknown) => {
          options.onError(error, userId);
          entry.expiresAt = now() + failureTtlMs;
          return UNKNOWN;
        });
      remember(key, entry);
      return entry.profile;
    },
  };
}
