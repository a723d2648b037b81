import type { people as en } from "../en/people.js";

/** Palabras sobre quién es alguien en cada plataforma: vincular una cuenta de Slack y una de Discord. */
export const people: typeof en = {
  link: {
    issued:
      "Tu código es {{code}}. En la otra plataforma, escribe {{command}} antes de {{minutes}} minutos. No lo compartas: quien lo escriba une tus cuentas.",
    linked:
      "Listo: tus cuentas están vinculadas. Tus votos y seguimientos cuentan una vez, estés donde estés.",
    samePerson: "Estas cuentas ya están vinculadas.",
    expired: "Ese código caducó. Pide uno nuevo con link en la otra plataforma.",
    badCode: "Ese código no corresponde a ninguna solicitud. Revísalo y vuelve a intentarlo.",
    notOnConsole: "La vinculación es para cuentas de Slack y Discord.",
  },
};
