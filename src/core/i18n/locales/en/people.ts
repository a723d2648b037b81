/** Words about who someone is across platforms: linking a Slack and a Discord account. */
export const people = {
  link: {
    issued:
      "Your code is {{code}}. On the other platform, type {{command}} within {{minutes}} minutes. Never share it: whoever types it joins your accounts.",
    linked: "Done: your accounts are linked. Your votes and follows now count once, wherever you are.",
    samePerson: "These accounts are already linked.",
    expired: "That code has expired. Ask for a new one with link on the other platform.",
    badCode: "That code doesn't match any link request. Check it and try again.",
    notOnConsole: "Linking is for Slack and Discord accounts.",
  },
};
