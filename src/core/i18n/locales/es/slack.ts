import type { slack as en } from "../en/slack.js";

export const slack: typeof en = {
  invalidRequest: "No he podido leer esa petición de Slack. Inténtalo de nuevo.",
  messageTooLong: "Es demasiado largo para mí: intenta que no pase de {{max}} caracteres.",
  homeUnavailable: "datadesk no puede cargar tu inicio ahora mismo. Inténtalo de nuevo en unos minutos.",
  formExpired: "Ha tardado demasiado y el formulario no se ha podido abrir. Inténtalo de nuevo.",
  manifest: {
    description:
      "Encuentra y usa datos abiertos: pregunta por conjuntos de datos, quién los mantiene, lo actualizados que están y cómo reutilizarlos.",
    commandDescription: "Pregunta a datadesk",
  },
};
