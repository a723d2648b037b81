export const help = {
  title: "Hi, I'm datadesk 👋",
  intro:
    "I help this community find and use open data: ask me about datasets, tell us about problems data could help with, and see what others have built.",
  commandsHeading: "What you can ask me",
  homeTitle: "datadesk",
  homeCommunity: "Community: {{name}}",
  homeYourRoles: "Your roles: {{roles}}",
  roles: {
    member: "member",
    champion: "data champion",
    steward: "data steward",
    admin: "admin",
  },
  commandDescriptions: {
    help: "Show what datadesk can do",
  },
  optionDescriptions: {},
};
