import type { discord as en } from "../en/discord.js";

export const discord: typeof en = {
  invalidRequest: "No he podido leer esa petición de Discord. Inténtalo de nuevo.",
  unknownButton: "Ese botón ya no funciona. Vuelve a ejecutar el comando.",
  entryCommand: {
    description: "datadesk: pregunta por datos abiertos, registra problemas y más (vacío: lo que sé hacer)",
    request: "Lo que escribirías tras /datadesk en Slack: ask carriles bici, problems top, watches…",
  },
  unsupportedInteraction: "Todavía no sé atender ese tipo de interacción.",
  replyFailed: "Algo ha fallado mientras respondía. Inténtalo de nuevo en un momento.",
  formReady: "Tu formulario está listo: ábrelo con el botón de abajo.",
  openForm: "Abrir el formulario",
  formErrors: "Hay respuestas que corregir:",
  fixAndResubmit: "Corregir y reenviar",
  formExpired: "Ese formulario ha caducado. Vuelve a empezar.",
  yes: "Sí",
  no: "No",
};
