/** Words the Discord adapter itself says (everything else comes from the core's cards). */
export const discord = {
  invalidRequest: "Sorry, I couldn't read that request from Discord. Please try again.",
  unknownButton: "That button doesn't work any more. Please run the command again.",
  unsupportedInteraction: "I can't handle that kind of interaction yet.",
  replyFailed: "Something went wrong while I was answering. Please try again in a moment.",
};
