import type { App } from "@slack/bolt";
import { slackSlashCommand } from "../../core/commands/registry.js";
import type { AppLogger } from "../../ops/logger.js";
import { renderHomeView, renderMessage } from "./block-kit-renderer.js";
import { slackTextToPlain } from "./inbound-text.js";
import { replyInConversation, replyToMention, respondWith } from "./slack-card-replies.js";
import { summarizeSlackError } from "./slack-errors.js";
import { registerSlackInteractionListeners } from "./slack-interaction-listeners.js";
import {
  appHomeOpenedSchema,
  appMentionSchema,
  directMessageSchema,
  eventEnvelopeSchema,
  linkSharedSchema,
  personalDirectMessageFilter,
  slashCommandSchema,
} from "./slack-payloads.js";
import { deliverReply, modalOpener, renderFormOffer } from "./slack-replies.js";
import type { RequestOutcome, SlackRequests } from "./slack-requests.js";
import { registerSlackThreadListeners } from "./slack-thread-listeners.js";

/**
 * Every way a person reaches datadesk on Slack, wired to the core. Each listener acknowledges
 * first where Slack waits for it (commands, buttons, shortcuts: 3 seconds), then parses, asks the
 * core and answers. Events are acknowledged by Bolt itself. Buttons, shortcuts and modal
 * submissions are in slack-interaction-listeners.ts.
 *
 * Slack retries an Events API event (same event_id, with X-Slack-Retry-Num) when it did not get
 * our 200 in time, so every event listener skips an event_id it already handled. Slash commands
 * carry no event id and Slack does not retry them once acknowledged, but a replaying proxy
 * delivers copies: those are skipped in memory after the ack (slash-command-replays.ts). Block
 * actions are not checked: every write a button makes is a compare-and-set or keyed, so a copy
 * changes nothing, though it may get its own ephemeral answer.
 */
export function registerSlackListeners(app: App, requests: SlackRequests, logger: AppLogger): void {
  const invalid = (what: string, issues: unknown): RequestOutcome => {
    logger.warn({ what, issues }, "ignored a Slack payload we could not read");
    return "invalid";
  };

  app.command(slackSlashCommand, async ({ command, ack, respond, client }) => {
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
      if (!requests.firstCommand(parsed.data)) return "duplicate";
      const { team_id, user_id, user_name, channel_id, trigger_id } = parsed.data;
      const identity = await requests.identify({
        teamId: team_id,
        userId: user_id,
        fallbackName: user_name,
        channelId: channel_id,
      });
      const text = slackTextToPlain(parsed.data.text, { keepUserMentions: true });
      const reply = await requests.answerText("command", identity, { kind: "commandText", text });
      const tooLate = () => respondWith(respond, requests.notice(identity.locale, "slack:formExpired"));
      await deliverReply(
        reply,
        {
          show: (card) => respondWith(respond, card),
          openForm: modalOpener(client, trigger_id, { channelId: channel_id }, tooLate),
        },
        logger,
      );
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
      const identity = await requests.identify({
        teamId: envelope.data.team_id,
        userId: mention.user,
        channelId: mention.channel,
      });
      const text = slackTextToPlain(mention.text, { botUserId: context.botUserId });
      const reply = await requests.answerText("message", identity, { kind: "message", text });
      const where = {
        channel: mention.channel,
        user: mention.user,
        ts: mention.ts,
        threadTs: mention.thread_ts,
      };
      await deliverReply(
        reply,
        {
          show: (card) => replyToMention(client, where, card),
          // The offer to open a form is for the person who asked, not the channel.
          openForm: async (form) => {
            await client.chat.postEphemeral({
              channel: mention.channel,
              user: mention.user,
              ...(mention.thread_ts ? { thread_ts: mention.thread_ts } : {}),
              ...renderFormOffer(form, text),
            });
          },
        },
        logger,
      );
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
      const identity = await requests.identify({
        teamId: envelope.data.team_id,
        userId: dm.user,
        channelId: dm.channel,
      });
      const text = slackTextToPlain(dm.text, { botUserId: context.botUserId });
      const reply = await requests.answerText("message", identity, { kind: "message", text });
      const where = { channel: dm.channel, threadTs: dm.thread_ts };
      await deliverReply(
        reply,
        {
          show: (card) => replyInConversation(client, where, card),
          openForm: async (form) => {
            await client.chat.postMessage({
              channel: dm.channel,
              ...(dm.thread_ts ? { thread_ts: dm.thread_ts } : {}),
              ...renderFormOffer(form, text),
            });
          },
        },
        logger,
      );
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
      const identity = await requests.identify({
        teamId: envelope.data.team_id,
        userId: parsed.data.user,
        channelId: parsed.data.channel,
      });
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
      const identity = await requests.identify({
        teamId: envelope.data.team_id,
        userId: shared.user,
        // Composer previews name a pseudo-channel ("COMPOSER"), which is no conversation.
        channelId: shared.source === "composer" ? undefined : shared.channel,
      });
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

  registerSlackInteractionListeners(app, requests, logger);
  registerSlackThreadListeners(app, requests, logger);

  app.error(async (error) => {
    logger.error({ err: summarizeSlackError(error) }, "Slack (Bolt) error");
  });
}
