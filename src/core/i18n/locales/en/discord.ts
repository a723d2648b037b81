/** Words the Discord adapter itself says (everything else comes from the core's cards). */
export const discord = {
  invalidRequest: "Sorry, I couldn't read that request from Discord. Please try again.",
  unknownButton: "That button doesn't work any more. Please run the command again.",
  unsupportedInteraction: "I can't handle that kind of interaction yet.",
  /** /datadesk: one command that finds us among other bots' /help, /ask… */
  entryCommand: {
    description: "datadesk: ask about open data, file problems, and more (empty: what I can do)",
    request: "What you would type after /datadesk on Slack: ask bike lanes, problems top, watches…",
  },
  replyFailed: "Something went wrong while I was answering. Please try again in a moment.",
  /** Shown when a form is ready but Discord no longer lets us open it directly (a slow answer). */
  formReady: "Your form is ready: open it with the button below.",
  openForm: "Open the form",
  formErrors: "Some answers need fixing:",
  fixAndResubmit: "Fix and resubmit",
  formExpired: "That form has expired. Please start again.",
  /** The two choices of a yes/no field in a Discord modal. */
  yes: "Yes",
  no: "No",
};
