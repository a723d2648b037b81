import type { RequestContext } from "../bot/request-context.js";
import { invocationOf } from "../commands/invocation.js";
import { accountScope } from "../people/account-scope.js";
import { type ChampionLevel, championLevels } from "../people/roles.js";
import type { MemberProfile } from "../ports/membership-store.js";
import type { Card, CardBlock, Inline, Reply, RichText } from "../shared/card.js";
import type { Choice, CommandArgs } from "../shared/handlers.js";

const GROUPS: readonly (ChampionLevel | "none")[] = [...championLevels, "none"];

/**
 * Each champion's account on the platform (and Slack workspace) the asker is on, so the card can
 * name them with a mention the asker can click. The reply is ephemeral: only the asker sees it,
 * so nobody is pinged by it; the ids come from stored accounts, never from typed text.
 */
async function mentionsHere(ctx: RequestContext, champions: MemberProfile[]): Promise<Map<string, string>> {
  const scope = accountScope(ctx.identity);
  const contacts = await ctx.deps.directory.contacts(champions.map((champion) => champion.personId));
  const here = new Map<string, string>();
  for (const contact of contacts) {
    const account = contact.accounts.find(
      (candidate) => candidate.platform === ctx.identity.platform && candidate.workspaceId === scope,
    );
    if (account && ctx.identity.platform !== "console") here.set(contact.personId, account.userId);
  }
  return here;
}

function championItem(ctx: RequestContext, champion: MemberProfile, mention: string | undefined): RichText {
  const name: Inline = mention
    ? { mention, text: champion.displayName }
    : { text: champion.displayName, style: "bold" };
  const item: RichText = [
    name,
    " — ",
    champion.topics.length > 0
      ? ctx.t("community:champions.topics", { topics: champion.topics.join(", ") })
      : ctx.t("community:champions.noTopics"),
  ];
  if (champion.bio) item.push("\n", { text: champion.bio, style: "italic" });
  if (champion.contactNote) item.push("\n", champion.contactNote);
  return item;
}

/** The directory card: champions grouped by level (executive, internal, external-facing, unsaid). */
export async function championsCard(ctx: RequestContext, topic: string | null): Promise<Card> {
  const champions = await ctx.deps.memberships.champions(ctx.community.id, topic ?? undefined);
  const title = topic
    ? ctx.t("community:champions.titleTopic", { topic })
    : ctx.t("community:champions.title");
  if (champions.length === 0) {
    const none = topic
      ? ctx.t("community:champions.noneTopic", {
          topic,
          command: invocationOf(ctx.identity.platform, "champions"),
        })
      : ctx.t("community:champions.none", {
          command: `${invocationOf(ctx.identity.platform, "role")} grant @… champion`,
        });
    return {
      fallbackText: none,
      accent: "info",
      blocks: [
        { type: "header", text: title },
        { type: "section", text: [none] },
      ],
    };
  }
  const mentions = await mentionsHere(ctx, champions);
  const blocks: CardBlock[] = [{ type: "header", text: title }];
  for (const group of GROUPS) {
    const members = champions.filter((champion) => (champion.championLevel ?? "none") === group);
    if (members.length === 0) continue;
    blocks.push({ type: "section", text: [{ text: ctx.t(`community:levels.${group}`), style: "bold" }] });
    blocks.push({
      type: "list",
      items: members.map((champion) => championItem(ctx, champion, mentions.get(champion.personId))),
    });
  }
  blocks.push({
    type: "context",
    text: [ctx.t("community:champions.footer", { command: invocationOf(ctx.identity.platform, "profile") })],
  });
  return {
    fallbackText: `${title}: ${champions.map((champion) => champion.displayName).join(", ")}`,
    accent: "info",
    blocks,
  };
}

/** `champions [topic]`: anyone may ask; the answer is for the asker only. */
export async function championsCommand(ctx: RequestContext, args: CommandArgs): Promise<Reply> {
  const typed = typeof args.topic === "string" ? args.topic.trim() : "";
  let topic: string | null = null;
  if (typed !== "") {
    const { topics } = await ctx.deps.directory.config(ctx.community.id);
    // The community's spelling when it knows the topic; a champion's own topic otherwise.
    topic = topics.find((known) => known.toLowerCase() === typed.toLowerCase()) ?? typed.slice(0, 75);
  }
  return { kind: "card", visibility: "ephemeral", card: await championsCard(ctx, topic) };
}

/** Topic suggestions for `champions` (Discord autocomplete). */
export async function championTopicChoices(ctx: RequestContext, text: string): Promise<Choice[]> {
  const { topics } = await ctx.deps.directory.config(ctx.community.id);
  const wanted = text.trim().toLowerCase();
  return topics
    .filter((topic) => topic.toLowerCase().includes(wanted))
    .slice(0, 25)
    .map((topic) => ({ label: topic, value: topic }));
}
