import type { digestSettings as en } from "../en/digest-settings.js";

/** Palabras de los ajustes del resumen personal (`/datadesk digest settings`). */
export const digestSettings: typeof en = {
  form: {
    title: "Tu resumen semanal",
    submit: "Guardar",
    enabled: "Envíame el resumen por MD",
    enabledHint: "Cada semana, cuando sale el resumen de la comunidad",
    sections: "Secciones",
    sectionsHint: "Lo que incluye tu MD; sin marcar ninguna no incluye nada",
  },
  sections: {
    newProblems: "Problemas nuevos",
    mostVoted: "Problemas más votados",
    statusChanges: "Decisiones sobre problemas",
    awaitingTriage: "Problemas esperando triaje (referentes)",
    showcases: "Proyectos publicados",
    datasetChanges: "Conjuntos de datos añadidos y actualizados",
    dataMatches: "Datos nuevos que pueden responder a problemas (referentes)",
    overdueDatasets: "Conjuntos de datos con actualización atrasada",
    metadataGaps: "Metadatos más preguntados que faltan",
    impact: "Cifras de impacto",
    accessWaiting: "Solicitudes de acceso en espera (referentes)",
    slaBreaches: "Solicitudes fuera de plazo (referentes)",
  },
  errors: {
    onOff: "Elige activado o desactivado.",
    unknownSection: "No es una sección que puedas elegir: {{value}}.",
    championsOnly:
      "Solo los referentes pueden recibir las secciones de referentes (triaje, vínculos con datos y solicitudes de acceso).",
    noSections: "Elige al menos una sección o desactiva el resumen.",
  },
  saved: {
    title: "Tus ajustes del resumen están guardados",
    on: "Activado: un MD cada semana, el próximo el {{date}}.",
    off: "Desactivado: no recibirás un resumen personal. El canal del resumen de la comunidad lo sigue teniendo.",
    sections: "Secciones",
    none: "ninguna",
  },
};
