export const console = {
  welcome: "datadesk console — you are {{name}} in {{community}}. Type help, a question, or quit.",
  goodbye: "Bye!",
  actionsHint: "(type !1, !2… to press a button)",
  noSuchButton: "There is no button {{number}} on the last card.",
};
