/**
 * One-time codes that join a person's accounts on two platforms, so a vote from Slack and one
 * from Discord by the same human count once. It exists because merging people touches votes,
 * follows and memberships, which must move together or not at all.
 */
export interface AccountLinks {
  /** Stores a code for this person, replacing any earlier unused one. */
  issue(personId: string, code: string, expiresAt: Date): Promise<void>;
  /**
   * Redeems a code for `personId`: moves every account, vote, follow, submission and membership
   * of `personId` to the code's person (a person counted once where both had voted), in one
   * transaction, and marks the code used.
   */
  redeem(
    code: string,
    personId: string,
    now: Date,
  ): Promise<{ status: "linked"; intoPersonId: string } | { status: "unknown" | "expired" | "same_person" }>;
}
