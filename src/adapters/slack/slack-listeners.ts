import type { App } from "@slack/bolt";
import { inboundRequestSchema } from "../../core/bot/inbound-request.js";
import { slackSlashCommand } from "../../core/commands/registry.js";
import type { AppLogger } from "../../ops/logger.js";
import { renderHomeView, renderMessage } from "./block-kit-renderer.js";
import { CARD_BUTTON_ACTION_ID, decodeButtonActionId, LINK_BUTTON_ACTION_ID } from "./button-action-ids.js";
import { slackTextToPlain } from "./inbound-text.js";
import { replyInConversation, replyToMention, respondWith } from "./slack-delivery.js";
import { summarizeSlackError } from "./slack-errors.js";
import {
  appHomeOpenedSchema,
  appMentionSchema,
  blockActionsSchema,
  directMessageSchema,
  eventEnvelopeSchema,
  linkSharedSchema,
  personalDirectMessageFilter,
  slashCommandSchema,
} from "./slack-payloads.js";
import type { RequestOutcome, SlackRequests } from "./slack-requests.js";

/**
 * Every way a person reaches datadesk on Slack, wired to the core. Each listener acknowledges
 * first where Slack waits for it (commands, buttons: 3 seconds), then parses, asks the core and
 * answers. Events are acknowledged by Bolt itself.
 *
 * Slack retries an Events API event (same event_id, with X-Slack-Retry-Num) when it did not get
 * our 200 in time, so every event listener skips an event_id it already handled. Slash commands
 * and block actions carry no event id and are never retried once acknowledged with a 200, which
 * they are first thing, so they need no such check.
 */
export function registerSlackListeners(app: App, requests: SlackRequests, logger: AppLogger): void {
  const invalid = (what: string, issues: unknown): RequestOutcome => {
    logger.warn({ what, issues }, "ignored a Slack payload we could not read");
    return "invalid";
  };

  app.command(slackSlashCommand, async ({ command, ack, respond }) => {
    await ack();
    await requests.serve("command", async () => {
      const parsed = slashCommandSchema.safeParse(command);
      if (!parsed.success) {
        // Tell the person something went wrong, if Slack at least said where to answer.
        if (slashCommandSchema.shape.response_url.safeParse(command.response_url).success) {
          await respondWith(respond, requests.notice(undefined, "slack:invalidRequest"));
        }
        return invalid("slash command", parsed.error.issues);
      }
      const { team_id, user_id, user_name } = parsed.data;
      const identity = await requests.identify(team_id, user_id, user_name);
      const text = slackTextToPlain(parsed.data.text);
      const reply = await requests.answerText("command", identity, { kind: "commandText", text });
      if (reply.kind === "card") await respondWith(respond, reply);
      return "ok";
    });
  });

  app.event("app_mention", async ({ event, body, context, client }) => {
    await requests.serve("message", async () => {
      const parsed = appMentionSchema.safeParse(event);
      const envelope = eventEnvelopeSchema.safeParse(body);
      if (!parsed.success || !envelope.success)
        return invalid("app_mention", parsed.error?.issues ?? envelope.error?.issues);
      if (!(await requests.firstTime(envelope.data.event_id))) return "duplicate";
      const mention = parsed.data;
      const identity = await requests.identify(envelope.data.team_id, mention.user);
      const text = slackTextToPlain(mention.text, { botUserId: context.botUserId });
      const reply = await requests.answerText("message", identity, { kind: "message", text });
      if (reply.kind === "card") {
        await replyToMention(
          client,
          { channel: mention.channel, user: mention.user, ts: mention.ts, threadTs: mention.thread_ts },
          reply,
        );
      }
      return "ok";
    });
  });

  app.event("message", async ({ event, body, context, client }) => {
    if (!personalDirectMessageFilter.safeParse(event).success) return;
    await requests.serve("message", async () => {
      const parsed = directMessageSchema.safeParse(event);
      const envelope = eventEnvelopeSchema.safeParse(body);
      if (!parsed.success || !envelope.success)
        return invalid("direct message", parsed.error?.issues ?? envelope.error?.issues);
      if (!(await requests.firstTime(envelope.data.event_id))) return "duplicate";
      const dm = parsed.data;
      const identity = await requests.identify(envelope.data.team_id, dm.user);
      const text = slackTextToPlain(dm.text, { botUserId: context.botUserId });
      const reply = await requests.answerText("message", identity, { kind: "message", text });
      if (reply.kind === "card")
        await replyInConversation(client, { channel: dm.channel, threadTs: dm.thread_ts }, reply);
      return "ok";
    });
  });

  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    await requests.serve("home", async () => {
      const parsed = appHomeOpenedSchema.safeParse(event);
      const envelope = eventEnvelopeSchema.safeParse(body);
      if (!parsed.success || !envelope.success)
        return invalid("app_home_opened", parsed.error?.issues ?? envelope.error?.issues);
      if (!(await requests.firstTime(envelope.data.event_id))) return "duplicate";
      const identity = await requests.identify(envelope.data.team_id, parsed.data.user);
      const card = await requests.home(identity);
      await client.views.publish({ user_id: parsed.data.user, view: renderHomeView(card) });
      return "ok";
    });
  });

  // A catalog link pasted in a conversation gets the dataset's card as its preview.
  app.event("link_shared", async ({ event, body, client }) => {
    await requests.serve("unfurl", async () => {
      const parsed = linkSharedSchema.safeParse(event);
      const envelope = eventEnvelopeSchema.safeParse(body);
      if (!parsed.success || !envelope.success)
        return invalid("link_shared", parsed.error?.issues ?? envelope.error?.issues);
      if (!(await requests.firstTime(envelope.data.event_id))) return "duplicate";
      const shared = parsed.data;
      const identity = await requests.identify(envelope.data.team_id, shared.user);
      const cards = await requests.unfurl(
        identity,
        shared.links.map((link) => link.url),
      );
      const unfurls = Object.fromEntries(
        Object.entries(cards).map(([url, card]) => [url, { blocks: renderMessage(card).blocks }]),
      );
      if (Object.keys(unfurls).length === 0) return "ok";
      // Composer previews are addressed by unfurl_id; posted messages by channel and ts.
      const where =
        shared.unfurl_id && shared.source
          ? { unfurl_id: shared.unfurl_id, source: shared.source }
          : { channel: shared.channel, ts: shared.message_ts ?? "" };
      await client.chat.unfurl({ ...where, unfurls } as Parameters<typeof client.chat.unfurl>[0]);
      return "ok";
    });
  });

  app.action(CARD_BUTTON_ACTION_ID, async ({ ack, body, respond, client }) => {
    await ack();
    await requests.serve("action", async () => {
      const parsed = blockActionsSchema.safeParse(body);
      if (!parsed.success) return invalid("block_actions", parsed.error.issues);
      const { user, team, actions, response_url } = parsed.data;
      const teamId = team?.id ?? user.team_id;
      const pressed = actions[0];
      const request = inboundRequestSchema.safeParse({
        kind: "action",
        actionId: decodeButtonActionId(pressed?.action_id ?? ""),
        value: pressed?.value ?? "",
      });
      if (!teamId || !request.success) return invalid("block_actions", request.error?.issues ?? "no team id");
      const identity = await requests.identify(teamId, user.id, user.name);
      const reply = await requests.answer("action", identity, request.data);
      if (reply.kind !== "card") return "ok";
      if (response_url) await respondWith(respond, reply);
      else await replyInConversation(client, { channel: user.id, threadTs: undefined }, reply);
      return "ok";
    });
  });

  // Link buttons open their URL in the browser; Slack still expects the click to be acknowledged.
  app.action(LINK_BUTTON_ACTION_ID, async ({ ack }) => {
    await ack();
  });

  app.error(async (error) => {
    logger.error({ err: summarizeSlackError(error) }, "Slack (Bolt) error");
  });
}
