import { accessRequestsCard } from "../access/list-access-requests.js";
import type { RequestContext } from "../bot/request-context.js";
import { homeProblemBlocks } from "../problems/home-problems.js";
import type { Card } from "../shared/card.js";
import { showHelp } from "./show-help.js";

/**
 * The personal home view (Slack App Home): who you are here, your problems and access requests,
 * and what you can do.
 */
export async function showHome(ctx: RequestContext): Promise<Card> {
  const { t, actor } = ctx;
  const roleNames = actor.roles.map((role) => t(`help:roles.${role}`)).join(", ");
  const help = showHelp(ctx);
  const helpBlocks = help.kind === "card" ? help.card.blocks.filter((b) => b.type !== "header") : [];
  return {
    fallbackText: t("help:homeTitle"),
    blocks: [
      { type: "header", text: t("help:homeTitle") },
      {
        type: "context",
        text: [
          t("help:homeCommunity", { name: ctx.community.name }),
          " · ",
          t("help:homeYourRoles", { roles: roleNames }),
        ],
      },
      { type: "divider" },
      ...(await homeProblemBlocks(ctx)),
      { type: "divider" },
      // Your access requests (with Withdraw), and for deciders the requests waiting on them.
      ...(await accessRequestsCard(ctx)).blocks,
      { type: "divider" },
      ...helpBlocks,
    ],
  };
}
