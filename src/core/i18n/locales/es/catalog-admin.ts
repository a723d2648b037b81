import type { catalogAdmin as en } from "../en/catalog-admin.js";

export const catalogAdmin: typeof en = {
  commands: {
    note: "Añade un uso recomendado o una advertencia a un conjunto de datos (referentes)",
    gaps: "Muestra las preguntas sobre metadatos más frecuentes que el catálogo no responde (referentes)",
  },
  options: {
    noteDataset: "El conjunto de datos: su clave o su título",
    noteKind: "use_case (uso recomendado) o caveat (advertencia)",
    noteText: "La nota, en una o dos frases",
  },
  examples: {
    note: "Food Inspections | advertencia: las inspecciones anteriores a 2010 usan códigos antiguos",
  },
  noteKinds: {
    use_case: "uso recomendado",
    caveat: "advertencia",
  },
  noteUsage: "Dime el conjunto de datos y la nota, así: {{usage}}",
  noteAdded: "He añadido una nota ({{kind}}) a ",
  noteAddedSource: "Catálogo {{source}} · clave {{key}}",
  datasetNotFound:
    "Ningún conjunto de datos vigente coincide con «{{reference}}». Prueba con su clave o su título exacto.",
  datasetAmbiguous:
    "«{{reference}}» coincide con varios conjuntos de datos: {{candidates}}. Usa la clave para elegir uno.",
  catalogNotFound: "No hay ningún catálogo llamado «{{name}}». `datadesk catalog list` muestra los que hay.",
  sourceFailed: "{{detail}} No se ha cambiado nada.",
  emptyCatalog:
    "{{location}} no contiene ningún conjunto de datos, así que no había nada que importar. No se ha cambiado nada.",
  noValidDatasets:
    "Ninguno de los {{read}} registros de {{location}} es un conjunto de datos que pueda usar: ¿es el archivo correcto, con el --kind correcto? No se ha cambiado nada.",
  gapsTitle: "Huecos de metadatos más consultados",
  gapsIntro: "Preguntas que el catálogo no pudo responder. Corregirlas en el origen ayuda a todo el mundo.",
  gapsEmpty: "Aún no hay huecos de metadatos: todas las preguntas encontraron su respuesta en el catálogo.",
  gapAsked_one: "preguntado una vez, la última el {{date}}",
  gapAsked_other: "preguntado {{count}} veces, la última el {{date}}",
  gapFields: {
    license: "licencia",
    contact: "contacto",
    columns: "columnas",
    formats: "formatos",
    update_frequency: "frecuencia de actualización",
    freshness: "última actualización",
    access: "nivel de acceso",
    description: "descripción",
    temporal: "cobertura temporal",
    spatial: "área cubierta",
    publisher: "publicador",
    api: "API",
  },
};
