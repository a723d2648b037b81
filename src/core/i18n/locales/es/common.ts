import type { common as en } from "../en/common.js";

export const common: typeof en = {
  appName: "datadesk",
  unknownInput: "No te he entendido. Prueba {{helpCommand}} para ver lo que puedo hacer.",
  emptyInput: "Escribe una pregunta o {{helpCommand}}.",
  anonymous: "alguien",
};
