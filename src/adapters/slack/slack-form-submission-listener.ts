import type { App, ViewResponseAction } from "@slack/bolt";
import { inboundRequestSchema } from "../../core/bot/inbound-request.js";
import type { FormReply } from "../../core/shared/card.js";
import type { AppLogger } from "../../ops/logger.js";
import {
  FORM_CALLBACK_ID,
  formValuesFromState,
  modalErrors,
  readFormMetadata,
  renderFormModal,
} from "./form-modal.js";
import { showPrivately } from "./slack-card-replies.js";
import { viewSubmissionSchema } from "./slack-payloads.js";
import { deliverReply, modalOpener, type ReplyTarget } from "./slack-replies.js";
import type { RequestOutcome, SlackRequests } from "./slack-requests.js";

/**
 * Slack must have the answer to a modal submission in the ack, within 3 seconds; errors can only
 * be shown in the modal that way. A core slower than this gets the modal closed, and its answer
 * arrives as a message instead.
 */
export const FORM_ACK_DEADLINE_MS = 2_500;

/** Resolves with the value, or with undefined once `ms` have passed. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * A submitted modal: the values go to the core with the form id and context from the modal's
 * private_metadata, and the core's answer goes in the ack (errors shown in the modal, a next form
 * pushed) or, once the modal has closed, privately where the form came from.
 */
export function registerFormSubmissionListener(app: App, requests: SlackRequests, logger: AppLogger): void {
  const invalid = (what: string, issues: unknown): RequestOutcome => {
    logger.warn({ what, issues }, "ignored a Slack payload we could not read");
    return "invalid";
  };

  app.view({ callback_id: FORM_CALLBACK_ID, type: "view_submission" }, async ({ ack, body, client }) => {
    // Bolt types ack for submissions and closes alike; the constraint above lets only submissions in.
    const ackSubmission = ack as (response?: ViewResponseAction) => Promise<void>;
    let acked = false;
    const ackOnce = async (response?: ViewResponseAction) => {
      if (acked) return;
      acked = true;
      await ackSubmission(response);
    };
    await requests.serve("form", async () => {
      try {
        const parsed = viewSubmissionSchema.safeParse(body);
        if (!parsed.success) return invalid("view_submission", parsed.error.issues);
        const { user, team, view, trigger_id } = parsed.data;
        const teamId = team?.id ?? user.team_id;
        const metadata = readFormMetadata(view.private_metadata);
        const values = formValuesFromState(view.state.values);
        const request = metadata
          ? inboundRequestSchema.safeParse({
              kind: "form",
              formId: metadata.formId,
              context: metadata.context,
              values,
            })
          : undefined;
        if (!teamId || !metadata || !request?.success) {
          await ackOnce();
          await showPrivately(
            client,
            { channel: undefined, user: user.id },
            requests.notice(undefined, "slack:invalidRequest").card,
          );
          return invalid("view_submission", request?.error?.issues ?? "no team id or private_metadata");
        }
        const identity = await requests.identify({
          teamId,
          userId: user.id,
          fallbackName: user.name,
          channelId: metadata.channelId,
        });
        const pending = requests.answer("form", identity, request.data);
        const reply = await within(pending, FORM_ACK_DEADLINE_MS);
        const where = { channel: metadata.channelId, user: user.id };
        const afterClose: ReplyTarget = {
          show: (card) => showPrivately(client, where, card.card),
          openForm: modalOpener(client, trigger_id ?? "", { channelId: metadata.channelId }, () =>
            showPrivately(client, where, requests.notice(identity.locale, "slack:formExpired").card),
          ),
        };
        if (reply === undefined) {
          logger.warn(
            { formId: metadata.formId },
            "form answer too slow for the modal; answering by message",
          );
          await ackOnce();
          await deliverReply(errorsAsCard(await pending), afterClose, logger);
          return "ok";
        }
        const errors =
          reply.kind === "errors"
            ? modalErrors(
                reply.errors,
                view.blocks.flatMap((block) =>
                  block.type === "input" && block.block_id ? [block.block_id] : [],
                ),
              )
            : {};
        if (Object.keys(errors).length > 0) {
          await ackOnce({ response_action: "errors", errors });
        } else if (reply.kind === "errors") {
          // A modal with no input to hang them on (Slack would refuse the ack): close it and tell.
          await ackOnce();
          await deliverReply(errorsAsCard(reply), afterClose, logger);
        } else if (reply.kind === "form") {
          await ackOnce({
            response_action: "push",
            view: renderFormModal(reply.form, { channelId: metadata.channelId }),
          });
        } else {
          await ackOnce();
          await deliverReply(reply, afterClose, logger);
        }
        return "ok";
      } finally {
        // Whatever happened, the modal must not hang on "We had some trouble connecting".
        await ackOnce();
      }
    });
  });
}

/** Errors for a modal that has already closed can only be told: one line per problem. */
function errorsAsCard(reply: FormReply): FormReply {
  if (reply.kind !== "errors") return reply;
  const messages = Object.values(reply.errors);
  return {
    kind: "card",
    visibility: "ephemeral",
    card: {
      fallbackText: messages.join(" "),
      accent: "warning",
      blocks: [{ type: "list", items: messages.map((m) => [m]) }],
    },
  };
}
