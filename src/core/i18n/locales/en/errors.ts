export const errors = {
  invalid_input: "That input doesn't look right: {{detail}}",
  not_found: "I couldn't find that.",
  forbidden: "Sorry, you're not allowed to do that.",
  forbiddenRoles: "Sorry, only people with one of these roles can do that: {{roles}}.",
  conflict: "That has changed in the meantime. Please try again.",
  rate_limited: "You're going a bit fast. Please wait a moment and try again.",
  unavailable: "Something on our side isn't working right now. Please try again in a few minutes.",
  unknownCommand: "There's no command called “{{name}}”. Try {{helpCommand}}.",
};
