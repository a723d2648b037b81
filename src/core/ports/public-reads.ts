/** The community as the public page names it; locale and timezone are its own, not the visitor's. */
export interface PublicCommunity {
  id: string;
  slug: string;
  name: string;
  locale: string;
  timezone: string;
}

/** A published showcase as anyone may see it: no submitter, reviewer or review note. */
export interface PublicShowcase {
  number: number;
  title: string;
  summary: string;
  link: string;
  team: string;
  kind: "app" | "visualisation" | "story" | "research" | "event";
  publishedAt: Date | null;
  /** Numbers of the visible problems it addresses (hidden problems stay unnamed). */
  problemNumbers: number[];
}

/**
 * What the public web pages (src/adapters/web/) read besides the problems' own export query. A
 * port of its own, read-only and holding only public fields, so the web adapter reaches no store
 * and nothing it can be handed names a person.
 */
export interface PublicReads {
  /** The community a slug names, or the default one for null; null when unknown. */
  community(slug: string | null): Promise<PublicCommunity | null>;
  /** The community's newest published showcases. */
  publishedShowcases(communityId: string): Promise<PublicShowcase[]>;
}
