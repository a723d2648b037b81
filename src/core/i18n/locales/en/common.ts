export const common = {
  appName: "datadesk",
  unknownInput: "I didn't catch that. Try {{helpCommand}} to see what I can do.",
  emptyInput: "Type a question or {{helpCommand}}.",
  anonymous: "someone",
};
