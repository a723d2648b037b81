/**
 * The one live first-admin claim per community: only the code's hash is stored. It exists so a
 * community that nobody administers yet can get its first admin from chat, once.
 */
export interface AdminClaimStore {
  /** Stores the community's claim, replacing any earlier one (a new start prints a new code). */
  replace(communityId: string, codeHash: string, expiresAt: Date): Promise<void>;
  /**
   * Removes and returns the claim when `codeHash` is the community's, expired or not (a wrong
   * code leaves it in place); null when there is no such claim.
   */
  take(communityId: string, codeHash: string): Promise<{ expiresAt: Date } | null>;
}
