import type { RequestContext } from "../bot/request-context.js";
import { invocationOf } from "../commands/invocation.js";
import type { Card, CardAction, CardBlock, Reply } from "../shared/card.js";
import { noticeCard } from "../shared/card.js";
import { DomainError } from "../shared/domain-error.js";
import { requestLine, statusLabel } from "./access-cards.js";
import { auditActorOf, changeAccessStatus } from "./access-change.js";
import { accessDeps } from "./access-deps.js";
import { mayDecide } from "./access-permissions.js";
import { accessRef, isOpenAccess, openAccessStatuses } from "./access-request.js";
import { accessRequestFor } from "./decide-access-request.js";

/**
 * `requests`: the requester's own requests with their status and where they wait (a role), with
 * Withdraw for open ones; for people who decide, the requests waiting for them with Review.
 */

const MAX_LISTED = 20;
/** Platforms lay out a handful of buttons per row; more would be refused or wrapped badly. */
const MAX_BUTTONS = 5;

function buttons(
  actionId: string,
  label: (ref: string) => string,
  items: { id: string; ref: string }[],
): CardBlock[] {
  const actions: CardAction[] = items
    .slice(0, MAX_BUTTONS)
    .map((item) => ({ kind: "button", actionId, label: label(item.ref).slice(0, 75), value: item.id }));
  return actions.length > 0 ? [{ type: "actions", actions }] : [];
}

/** The requester's requests and those waiting for their decision: the `requests` reply, and a section for App Home. */
export async function accessRequestsCard(ctx: RequestContext): Promise<Card> {
  const { t } = ctx;
  const access = accessDeps(ctx);
  const config = await ctx.deps.directory.config(ctx.community.id);
  const mine = await access.accessRequests.list({
    communityId: ctx.community.id,
    requesterId: ctx.actor.personId,
    limit: MAX_LISTED,
  });
  const blocks: CardBlock[] = [{ type: "header", text: t("access:list.title") }];
  if (mine.length === 0) {
    blocks.push({
      type: "section",
      text: [t("access:list.empty", { request: invocationOf(ctx.identity.platform, "request") })],
    });
  } else {
    blocks.push({ type: "list", items: mine.map((r) => requestLine(t, r, config.timezone)) });
    const open = mine.filter((r) => isOpenAccess(r.status)).map((r) => ({ id: r.id, ref: accessRef(r) }));
    blocks.push(...buttons("access.withdraw", (ref) => t("access:buttons.withdrawRef", { ref }), open));
  }
  // Only people with a deciding role can have requests routed to them; skip the query for others.
  if (ctx.actor.roles.some((role) => role !== "member")) {
    const waiting = (
      await access.accessRequests.list({
        communityId: ctx.community.id,
        statuses: openAccessStatuses,
        limit: 100,
      })
    ).filter((r) => mayDecide(ctx.actor, r));
    if (waiting.length > 0) {
      blocks.push(
        { type: "divider" },
        { type: "section", text: [{ text: t("access:list.toDecide"), style: "bold" }] },
      );
      blocks.push({
        type: "list",
        items: waiting.slice(0, MAX_LISTED).map((r) => requestLine(t, r, config.timezone)),
      });
      blocks.push(
        ...buttons(
          "access.review",
          (ref) => t("access:buttons.reviewRef", { ref }),
          waiting.map((r) => ({ id: r.id, ref: accessRef(r) })),
        ),
      );
    }
  }
  return { fallbackText: t("access:list.title"), blocks };
}

export async function requestsCommand(ctx: RequestContext): Promise<Reply> {
  return { kind: "card", visibility: "ephemeral", card: await accessRequestsCard(ctx) };
}

/** Withdraw: the requester's own open request only; the review cards say so at once. */
export async function withdrawRequest(ctx: RequestContext, requestId: string): Promise<Reply> {
  const request = await accessRequestFor(ctx, requestId);
  if (request.requesterId !== ctx.actor.personId)
    throw new DomainError("forbidden", "access:errors.notYourRequest", { ref: accessRef(request) });
  const ref = accessRef(request);
  if (!isOpenAccess(request.status))
    return {
      kind: "update",
      card: await accessRequestsCard(ctx),
      notice: noticeCard(
        ctx.t("access:withdraw.notOpen", { ref, status: statusLabel(ctx.t, request.status) }),
      ),
    };
  const config = await ctx.deps.directory.config(ctx.community.id);
  const updated = await changeAccessStatus(
    accessDeps(ctx),
    request,
    { to: "withdrawn", actorId: ctx.actor.personId, at: ctx.deps.clock.now() },
    { action: "withdrawn", actor: auditActorOf(ctx), reason: null, timezone: config.timezone },
  );
  // Null: decided or withdrawn meanwhile (another tab, a steward first): say what it is now.
  const now = updated ?? (await accessRequestFor(ctx, requestId));
  const text = updated
    ? ctx.t("access:withdraw.done", { ref })
    : ctx.t("access:withdraw.notOpen", { ref, status: statusLabel(ctx.t, now.status) });
  return {
    kind: "update",
    card: await accessRequestsCard(ctx),
    notice: noticeCard(text, updated ? "success" : "warning"),
  };
}
