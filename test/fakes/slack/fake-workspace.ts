// Identifiers of the single fake workspace the fake Slack pretends to be.
// The fake server and the payload builders share them so that, e.g., the bot user id returned by
// `auth.test` is the same one an `app_mention` payload mentions (Bolt's ignoreSelf middleware and
// mention parsing depend on that consistency).

export const FAKE_TEAM_ID = "T0FAKETEAM";
export const FAKE_TEAM_DOMAIN = "datadesk-fake";
export const FAKE_APP_ID = "A0FAKEAPP";
export const FAKE_BOT_USER_ID = "U0FAKEBOT";
export const FAKE_BOT_ID = "B0FAKEBOT";
export const FAKE_USER_ID = "U0ALICE";
export const FAKE_USER_NAME = "alice";
export const FAKE_CHANNEL_ID = "C0GENERAL";
export const FAKE_CHANNEL_NAME = "general";
/** Legacy verification token; Bolt ignores it but real payloads always carry one. */
export const FAKE_VERIFICATION_TOKEN = "fakeVerificationToken";

let sequence = 0;

/** Monotonic counter so ids/timestamps are unique within a test process without randomness. */
export function nextSequence(): number {
  sequence += 1;
  return sequence;
}

/** Slack message timestamps look like "1712345678.000100": seconds, a dot, six digits. */
export function fakeTs(): string {
  const seconds = Math.floor(Date.now() / 1000);
  return `${seconds}.${String(nextSequence()).padStart(6, "0")}`;
}

/** Slack ids are an uppercase type prefix followed by uppercase alphanumerics. */
export function fakeId(prefix: string): string {
  return `${prefix}${nextSequence().toString(36).toUpperCase().padStart(8, "0")}`;
}

/** Stable DM channel id per user, so repeated conversations.open calls agree (as on real Slack). */
export function dmChannelIdFor(userId: string): string {
  return `D${userId.replace(/^[UW]/, "")}`;
}
