import type { RequestContext } from "../bot/request-context.js";
import { invocationOf } from "../commands/invocation.js";
import type { CardBlock } from "../shared/card.js";
import { problemLine } from "./problem-cards.js";

const HOME_LIMIT = 5;

/**
 * The problems part of someone's home (Slack App Home): what they filed and where it stands,
 * the community's most-voted open problems, and a button to file one. Read-only and small, so
 * opening the home stays fast.
 */
export async function homeProblemBlocks(ctx: RequestContext): Promise<CardBlock[]> {
  const { t } = ctx;
  const base = { communityId: ctx.community.id, offset: 0, limit: HOME_LIMIT };
  const [mine, top] = await Promise.all([
    ctx.deps.problems.list({ ...base, order: "new", submitterId: ctx.actor.personId, includeClosed: true }),
    ctx.deps.problems.list({ ...base, order: "top" }),
  ]);
  const blocks: CardBlock[] = [{ type: "header", text: t("problems:home.title") }];
  if (mine.items.length > 0) {
    blocks.push({ type: "context", text: [t("problems:list.title.mine")] });
    blocks.push({ type: "list", items: mine.items.map((p) => problemLine(p, t)) });
  }
  blocks.push({ type: "context", text: [t("problems:list.title.top")] });
  if (top.items.length > 0) blocks.push({ type: "list", items: top.items.map((p) => problemLine(p, t)) });
  else
    blocks.push({
      type: "section",
      text: [t("problems:list.empty", { command: invocationOf(ctx.identity.platform, "problem") })],
    });
  blocks.push({
    type: "actions",
    actions: [
      {
        kind: "button",
        actionId: "problem.start",
        label: t("problems:home.file"),
        value: "",
        style: "primary",
      },
    ],
  });
  return blocks;
}
