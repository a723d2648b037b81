import type { errors as en } from "../en/errors.js";

export const errors: typeof en = {
  invalid_input: "Esa entrada no parece correcta: {{detail}}",
  not_found: "No he podido encontrarlo.",
  forbidden: "Lo siento, no tienes permiso para hacer eso.",
  forbiddenRoles: "Lo siento, solo las personas con uno de estos roles pueden hacerlo: {{roles}}.",
  conflict: "Eso ha cambiado mientras tanto. Inténtalo de nuevo.",
  rate_limited: "Vas un poco rápido. Espera un momento y vuelve a intentarlo.",
  unavailable: "Algo de nuestro lado no funciona ahora mismo. Inténtalo de nuevo en unos minutos.",
  unknownCommand: "No existe ningún comando llamado «{{name}}». Prueba {{helpCommand}}.",
};
