import type { DigestSectionKey } from "../digest/digest-types.js";

/** Someone's personal weekly digest by DM in one community: on or off, and which sections. */
export interface DigestSubscription {
  personId: string;
  communityId: string;
  enabled: boolean;
  /** The sections they keep; champion-only sections are dropped for people who are not champions. */
  sections: DigestSectionKey[];
  updatedAt: Date;
}

/**
 * People's personal digest settings (`/datadesk digest settings`). Opt-in: nobody has a personal
 * digest until they turn it on.
 */
export interface DigestSubscriptionStore {
  /** Their settings, or null when they never saved any. */
  get(personId: string, communityId: string): Promise<DigestSubscription | null>;
  /** Creates or replaces their settings. */
  save(settings: Omit<DigestSubscription, "updatedAt">, at: Date): Promise<DigestSubscription>;
  /** Everyone in the community with the personal digest on. */
  enabledIn(communityId: string): Promise<DigestSubscription[]>;
}
