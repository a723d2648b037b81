import type { discord as en } from "../en/discord.js";

export const discord: typeof en = {
  invalidRequest: "No he podido leer esa petición de Discord. Inténtalo de nuevo.",
  unknownButton: "Ese botón ya no funciona. Vuelve a ejecutar el comando.",
  unsupportedInteraction: "Todavía no sé atender ese tipo de interacción.",
  replyFailed: "Algo ha fallado mientras respondía. Inténtalo de nuevo en un momento.",
};
