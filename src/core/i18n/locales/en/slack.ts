/** Words the Slack adapter itself says (everything else comes from the core's cards). */
export const slack = {
  invalidRequest: "Sorry, I couldn't read that request from Slack. Please try again.",
  messageTooLong: "That's too long for me: please keep it under {{max}} characters.",
  homeUnavailable: "datadesk can't load your home right now. Please try again in a few minutes.",
  formExpired: "That took too long and the form could not open. Please try again.",
  manifest: {
    description:
      "Find and use open data: ask about datasets, who maintains them, how fresh they are and how to reuse them.",
    commandDescription: "Ask datadesk",
  },
};
