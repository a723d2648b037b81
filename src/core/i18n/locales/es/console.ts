import type { console as en } from "../en/console.js";

export const console: typeof en = {
  welcome: "Consola de datadesk: eres {{name}} en {{community}}. Escribe help, una pregunta o quit.",
  goodbye: "¡Hasta luego!",
  actionsHint: "(escribe !1, !2… para pulsar un botón)",
  noSuchButton: "No hay ningún botón {{number}} en la última tarjeta.",
};
