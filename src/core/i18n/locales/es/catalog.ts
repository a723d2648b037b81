import type { catalog as en } from "../en/catalog.js";

export const catalog: typeof en = {
  commands: {
    ask: "Pregunta por los datos abiertos, p. ej. ¿hay datos sobre…?, ¿quién mantiene…?, ¿están al día…?",
    dataset: "Muestra un conjunto de datos con resumen, actualización, contacto, licencia y formatos",
  },
  options: {
    question: "Tu pregunta, con tus palabras",
    catalog: "Buscar solo en este catálogo",
    name: "El título o la clave del conjunto de datos",
  },
  examples: {
    ask: "¿hay datos sobre ciclovías?",
    dataset: "Food Inspections",
  },
  unknownCatalog: "No hay ningún catálogo llamado «{{name}}». Los catálogos son: {{names}}.",
  emptyQuestion: "Pregúntame por datos con tus palabras, por ejemplo: {{example}}",
  labels: {
    updated: "Actualizado",
    contact: "Contacto",
    license: "Licencia",
    formats: "Formatos",
    catalog: "Catálogo",
    usageNotes: "Notas de uso",
    alsoRelevant: "También relevante",
    columns: "Columnas",
  },
  answer: {
    owner: "A quién preguntar",
    ownerPublisherOnly: "El catálogo no indica una persona de contacto. Publica",
    ownerNone: "El catálogo no indica contacto ni publicador para este conjunto de datos.",
    license: "Licencia",
    licenseNone:
      "El catálogo no indica ninguna licencia para este conjunto de datos, así que las condiciones de reutilización no están claras: consulta a quien lo publica antes de reutilizarlo.",
    freshnessNone: "El catálogo no dice cuándo se actualizó por última vez.",
    columnsNone: "El catálogo no enumera las columnas de este conjunto de datos.",
    columnsHave: "Sí, tiene «{{asked}}»",
    columnsHaveNot: "No hay ninguna columna de «{{asked}}».",
    formatsNone: "El catálogo no ofrece descargas ni API para este conjunto de datos.",
    formatHas: "Sí, está disponible en {{format}}.",
    formatHasNot: "No está disponible en {{format}}.",
    formatHasAt: "Sí — {{format}}:",
    formatDownload: "descárgalo aquí",
    formatHasNotButOthers: "No hay {{format}}; está disponible en {{available}}.",
    formatsAvailable: "Disponible en",
    access: "Acceso",
    accessLevels: {
      public: "público, cualquiera puede usarlo",
      restricted: "restringido: hay que solicitar acceso",
      nonPublic: "no público: hay que solicitar acceso",
    },
  },
  license: {
    commercialLabel: "Uso comercial",
    commercial: { yes: "sí", no: "no, no se permite el uso comercial" },
    commercialUnclear:
      "no está claro: las condiciones ni lo permiten ni lo prohíben. Consulta a {{contact}} antes de contar con ello.",
    creditLabel: "Atribución",
    credit: {
      notRequired: "no es obligatoria",
      notStated: "las condiciones no piden atribución",
    },
    creditRequired: "obligatoria: cita a {{whom}} como fuente",
    creditTo: "obligatoria: cita a {{whom}}",
    shareAlikeLabel: "Compartir igual",
    shareAlike: "sí: comparte lo que hagas con ellos bajo la misma licencia",
    rightsReserved:
      "Quien publica se reserva todos los derechos sobre los datos; las condiciones no te conceden ninguna licencia.",
    disclaimerOnly:
      "Estas condiciones solo excluyen garantías y responsabilidad: ni conceden ni limitan el uso.",
    noWarranty: "Se ofrecen tal cual, sin garantía.",
    termsAsStated: "Condiciones, tal como las indica el catálogo:",
    termsLink: "las condiciones",
    custom: "condiciones propias (pide detalles)",
    noneShort: "no indicada",
    none: "El catálogo no indica ninguna licencia para este conjunto de datos, así que no está claro si puedes reutilizarlo (con fines comerciales o no). Consulta a {{contact}}.",
    thePublisher: "quien lo publica",
  },
  formatNames: {
    SHP: "shapefile",
    API: "una API",
  },
  freshness: {
    unknown: "no indicado",
    current: "{{date}}: al día (se actualiza cada {{period}}, la próxima vez hacia el {{due}})",
    overdue: "{{date}}: con {{late}} de retraso (debería actualizarse cada {{period}})",
    age: "{{date}} (hace {{age}})",
  },
  more: "… y {{count}} más",
  noCatalog: {
    title: "Todavía no hay catálogo de datos",
    body: "Esta comunidad aún no ha importado su catálogo de datos abiertos, así que no hay nada que buscar. Una persona administradora puede importarlo (un data.json DCAT-US, un portal CKAN o un catálogo Socrata) con:",
  },
  notFound: {
    title: "No encontré eso en el catálogo",
    body: "Ningún conjunto de datos de {{catalog}} responde claramente a esto.",
    allCatalogs: "el catálogo",
    missingTopic: "Nada en él menciona «{{topics}}».",
    nearMiss:
      "Lo más parecido, «{{title}}», comparte palabras con tu pregunta pero no trata de «{{topics}}»: probablemente no es eso.",
    closest: "Lo más parecido, que probablemente no responde:",
    fileProblem:
      "Si estos datos deberían existir, díselo a las personas referentes de datos: regístralo como problema para que otras personas lo apoyen y se busquen los datos.",
  },
  buttons: {
    notWhatINeed: "No es lo que necesito",
    fileProblem: "Registrar un problema",
    requestAccess: "Solicitar acceso",
    open: "Abrir en el catálogo",
  },
  datasetNotFound:
    "Ningún conjunto de datos actual coincide con «{{name}}». Prueba con su título o su clave.",
};
