import type { console as en } from "../en/console.js";

export const console: typeof en = {
  welcome: "Consola de datadesk: eres {{name}} en {{community}}. Escribe help, una pregunta o quit.",
  goodbye: "¡Hasta luego!",
  actionsHint: "(escribe !1, !2… para pulsar un botón)",
  noSuchButton: "No hay ningún botón {{number}} en la última tarjeta.",
  sample: {
    offer:
      "Aún no hay ningún catálogo de datos, así que no tengo de dónde responder. ¿Cargo una pequeña muestra (20 conjuntos de datos reales de Fort Collins, Colorado) para probarme? (sí/no)",
    loading: "Cargando el catálogo de muestra…",
    loaded:
      'Cargados {{count}} conjuntos de datos de muestra como el catálogo "{{name}}". Prueba: ¿hay datos sobre paneles solares? (Quítalo luego con: datadesk catalog remove {{name}})',
    declined: "Sin muestra, entonces. Importa tu propio catálogo con: datadesk catalog import <archivo|url>",
  },
  form: {
    intro: "{{title}}: responde cada pregunta (escribe cancel para salir).",
    optional: "(opcional: pulsa Intro para saltarla)",
    yesNo: "Responde sí o no.",
    current: "Ahora: {{value}} (pulsa Intro para mantenerlo)",
    required: "Esta es necesaria.",
    pickOption: "Escribe un número del 1 al {{count}}.",
    pickSeveral: "Escribe los números de tus opciones separados por comas (del 1 al {{count}}), o ninguna.",
    tooShort: "Escribe al menos {{min}} caracteres.",
    tooLong: "Que no pase de {{max}} caracteres, por favor.",
    cancelled: "Formulario cancelado: no se envió nada.",
    fix: "Corrige: {{label}}: {{error}}",
  },
};
