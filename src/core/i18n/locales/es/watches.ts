/** Textos de las alertas (conjuntos de datos, temas, palabras) y de datos nuevos para problemas abiertos. */
export const watches = {
  commands: {
    watch: 'Recibe un MD cuando cambie un conjunto de datos o aparezcan datos nuevos de un tema o "palabras"',
    watches: "Lista lo que sigues, con un botón para dejar de seguir cada cosa",
  },
  options: {
    what: 'Un conjunto de datos, topic <tema>, o "palabras" entre comillas',
  },
  examples: {
    watch: "permisos de construcción",
  },
  usage:
    'Di qué seguir: {{invocation}} <conjunto de datos>, {{invocation}} topic <tema> o {{invocation}} "<palabras>".',
  datasetNotFound:
    "No encontré un conjunto de datos llamado «{{reference}}». Prueba {{dataset}} para buscarlo.",
  watching: {
    dataset: "Ahora sigues «{{title}}». Te avisaré por MD cuando cambie o se retire.",
    topic:
      "Ahora sigues el tema «{{target}}». Te avisaré por MD cuando aparezcan conjuntos de datos nuevos sobre él.",
    words:
      "Ahora sigues «{{target}}». Te avisaré por MD cuando aparezcan conjuntos de datos nuevos que coincidan.",
  },
  alreadyWatching: "Ya sigues eso.",
  list: {
    title: "Lo que sigues",
    empty:
      'Todavía no sigues nada. Prueba {{invocation}} <conjunto de datos>, {{invocation}} topic <tema> o {{invocation}} "<palabras>".',
    dataset: "Conjunto de datos: {{title}}",
    topic: "Tema: {{target}}",
    words: "Palabras: «{{target}}»",
    removedDataset: "un conjunto de datos que ya no está en el catálogo",
  },
  buttons: {
    watch: "Seguir",
    stop: "Dejar de seguir",
    link: "Vincular",
    notMatch: "No corresponde",
  },
  removed: "Hecho. Ya no sigues eso.",
  alreadyRemoved: "Ya no lo seguías.",
  dm: {
    title_one: "Un cambio en los datos que sigues",
    title_other: "{{count}} cambios en los datos que sigues",
    updated: "actualizado",
    updatedFields: "actualizado: {{fields}}",
    removed: "retirado del catálogo",
    newForTopic: "nuevo, sobre el tema «{{target}}»",
    newForWords: "nuevo, coincide con «{{target}}»",
    overdue: "atrasado: según su propia frecuencia de actualización debía tener datos nuevos el {{date}}",
    restricted: "cambió (conjunto restringido: detalles a petición)",
    fields: {
      modified: "fecha de modificación",
      formats: "formatos",
      license: "licencia",
      description: "descripción",
    },
    more_one: "…y 1 cambio más.",
    more_other: "…y {{count}} cambios más.",
    footer: "Di {{invocation}} para ver o dejar de seguir lo que sigues.",
  },
  match: {
    title: "Datos nuevos podrían responder a {{ref}}",
    body: "«{{dataset}}» se acaba de añadir o actualizar en el catálogo y se parece a {{ref}} «{{problem}}».",
    linked: "«{{dataset}}» quedó vinculado a {{ref}}; se avisó a quien lo presentó y a sus seguidores.",
    rejected: "Anotado: «{{dataset}}» no corresponde a {{ref}}. No se volverá a sugerir.",
    alreadyDecided: "Alguien ya decidió sobre esta sugerencia.",
    gone: "Esta sugerencia ya no existe.",
  },
} as const;
