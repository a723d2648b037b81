import type { help as en } from "../en/help.js";

export const help: typeof en = {
  title: "Hola, soy datadesk 👋",
  intro:
    "Ayudo a esta comunidad a encontrar y usar datos abiertos: pregúntame por conjuntos de datos, cuéntanos qué problemas podrían resolver los datos y descubre lo que otras personas han creado.",
  commandsHeading: "Lo que puedes pedirme",
  homeTitle: "datadesk",
  homeCommunity: "Comunidad: {{name}}",
  homeYourRoles: "Tus roles: {{roles}}",
  roles: {
    member: "miembro",
    champion: "referente de datos",
    steward: "responsable de datos",
    admin: "administración",
  },
  commandDescriptions: {
    help: "Muestra lo que datadesk puede hacer",
  },
  optionDescriptions: {},
};
