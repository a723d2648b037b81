import { digestSectionKeys } from "../../../src/core/digest/digest-types.js";
import type {
  DigestSubscription,
  DigestSubscriptionStore,
} from "../../../src/core/ports/digest-subscriptions.js";

/** People's personal digest settings in memory, one per person and community. */
export class InMemoryDigestSubscriptionStore implements DigestSubscriptionStore {
  readonly subscriptions = new Map<string, DigestSubscription>();

  async get(personId: string, communityId: string): Promise<DigestSubscription | null> {
    const found = this.subscriptions.get(`${personId}:${communityId}`);
    return found ? { ...found, sections: [...found.sections] } : null;
  }

  async save(settings: Omit<DigestSubscription, "updatedAt">, at: Date): Promise<DigestSubscription> {
    // Kept in the canonical order, as the SQL store returns them.
    const sections = digestSectionKeys.filter((key) => settings.sections.includes(key));
    const saved = { ...settings, sections, updatedAt: new Date(at) };
    this.subscriptions.set(`${settings.personId}:${settings.communityId}`, saved);
    return { ...saved, sections: [...sections] };
  }

  async enabledIn(communityId: string): Promise<DigestSubscription[]> {
    return [...this.subscriptions.values()]
      .filter((s) => s.communityId === communityId && s.enabled)
      .map((s) => ({ ...s, sections: [...s.sections] }));
  }
}
