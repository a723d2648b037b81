import type { showcases as en } from "../en/showcases.js";

/** Palabras de las vitrinas: el formulario en dos pasos, la revisión, la publicación, problemas resueltos. */
export const showcases: typeof en = {
  commands: {
    showcase: "Comparte un proyecto hecho con datos abiertos, para que los referentes lo revisen y publiquen",
  },
  options: {
    dataset: "Un conjunto de datos que usó el proyecto (opcional)",
  },
  examples: {
    showcase: "Carriles bici",
  },
  kinds: {
    app: "Aplicación",
    visualisation: "Visualización",
    story: "Reportaje o artículo",
    research: "Investigación",
    event: "Evento",
  },
  status: {
    pending_review: "Esperando la revisión de un referente",
    changes_requested: "Esperando los cambios de quien lo envió",
    rejected: "Rechazado",
    published: "Publicado",
    withdrawn: "Retirado",
  },
  form: {
    detailsTitle: "Comparte (1/2)",
    lineageTitle: "Comparte (2/2)",
    next: "Siguiente",
    send: "Enviar a revisión",
    fields: {
      title: {
        label: "Título",
        hint: "Cómo se llama el proyecto.",
        placeholder: "Mapa de caminos seguros al colegio",
      },
      summary: {
        label: "Resumen",
        hint: "Qué hace, para quién y qué encontró o cambió.",
        placeholder: "Un mapa interactivo de cruces cerca de colegios, hecho con las familias…",
      },
      link: {
        label: "Enlace",
        hint: "Dónde se puede ver (http o https).",
        placeholder: "https://example.org/caminos-seguros",
      },
      image_url: {
        label: "URL de imagen (opcional)",
        hint: "Una captura o imagen para la tarjeta (http o https).",
        placeholder: "https://example.org/caminos-seguros.png",
      },
      team: {
        label: "Equipo",
        hint: "Quién lo hizo: personas, un grupo o una organización.",
        placeholder: "Colectivo de Familias del Norte",
      },
      kind: {
        label: "Tipo",
        hint: "Qué clase de proyecto es.",
      },
      datasets: {
        label: "Datos usados (opcional)",
        hint: "Títulos o claves del catálogo, uno por línea o separados por punto y coma.",
        placeholder: "Accidentes de tráfico\nUbicación de colegios",
      },
      problems: {
        label: "Problemas que aborda (opcional)",
        hint: "Números de problemas del inventario, como #12, #14.",
        placeholder: "#12, #14",
      },
    },
  },
  steps: {
    two: "Paso 1 de 2 listo para «{{title}}». Sigue con su tipo, los datos que usó y los problemas que aborda.",
    alreadyDone:
      "Este formulario ya se envió o se canceló. Empieza de nuevo con el comando de vitrina si lo necesitas.",
    cancelled: "Cancelado: no se envió nada.",
    notWaiting: "Esta vitrina ya no espera cambios, así que no hay nada que editar.",
  },
  buttons: {
    continue: "Continuar",
    edit: "Editar el paso 1",
    cancel: "Cancelar",
    revise: "Editar y reenviar",
    approve: "Aprobar y publicar",
    changes: "Pedir cambios",
    reject: "Rechazar",
    open: "Abrir el proyecto",
    solve: "Marcar {{refs}} como resuelto",
    withdraw: "Retirar",
  },
  card: {
    imageAlt: "Imagen de {{title}}",
    team: "Equipo",
    kind: "Tipo",
    link: "Enlace",
    datasets: "Datos usados",
    problems: "Problemas que aborda",
  },
  sent: {
    body: "¡Gracias! {{ref}} «{{title}}» está con los referentes para su revisión. Recibirás un mensaje cuando decidan.",
    resubmitted: "¡Gracias! Tus cambios a {{ref}} «{{title}}» están con los referentes para otra revisión.",
  },
  review: {
    fallback: "Nueva vitrina para revisar: {{ref}} «{{title}}»",
    submittedBy: "Enviada por {{name}}.",
    resubmittedBy: "Reenviada con cambios por {{name}}.",
    alreadyDecided: "{{ref}} ya estaba decidida: {{status}}. No cambió nada.",
    published: "{{ref}} está publicada en todos los canales de vitrinas conectados.",
    noChannel:
      "{{ref}} está aprobada, pero ninguna plataforma tiene aún canal de vitrinas: un administrador puede configurarlo con el comando setup.",
    changes_requested: "Se pidieron cambios a quien envió {{ref}}.",
    rejected: "{{ref}} fue rechazada; se explicó el motivo a quien la envió.",
  },
  reviewed: {
    pending_review: "Esperando revisión",
    published: "Aprobada y publicada por {{name}}",
    changes_requested: "Cambios pedidos por {{name}}",
    rejected: "Rechazada por {{name}}",
    withdrawn: "Retirada por {{name}}",
  },
  withdraw: {
    done: "{{ref}} “{{title}}” está retirada: los champions no la revisarán. Puedes volver a compartirla cuando quieras con el comando showcase.",
    notYours: "Solo quien envió {{ref}} puede retirarla.",
    published:
      "{{ref}} ya está publicada, así que no se puede retirar aquí. Pide a un champion que la quite si hace falta.",
    closed: "{{ref}} ya está cerrada ({{status}}), así que no hay nada que retirar.",
    noSuchNumber: "No hay ninguna showcase {{ref}} aquí. Revisa el número en tu confirmación.",
  },
  changes: {
    title: "Pedir cambios",
    submit: "Enviar",
    label: "¿Qué debería cambiar?",
    hint: "Quien la envió lo verá y podrá editarla y reenviarla.",
  },
  reject: {
    title: "Rechazar vitrina",
    submit: "Rechazar",
    label: "¿Por qué se rechaza?",
    hint: "Quien la envió verá este motivo.",
  },
  published: {
    fallback: "Nueva vitrina: «{{title}}» de {{team}}",
  },
  solve: {
    question_one: "Aborda {{refs}}. ¿Ese problema ya está resuelto?",
    question_other: "Aborda {{refs}}. ¿Esos problemas ya están resueltos?",
    note: "Resuelto por la vitrina {{ref}} «{{title}}»: {{link}}",
    notPublished: "Solo una vitrina publicada puede marcar problemas como resueltos.",
    nothingOpen: "{{refs}}: no queda nada por marcar, ya están cerrados.",
    done_one: "{{refs}} marcado como resuelto; se avisó a {{count}} persona.",
    done_other: "{{refs}} marcado como resuelto; se avisó a {{count}} personas.",
  },
  dm: {
    changesRequested: "Un referente pidió cambios a tu vitrina {{ref}} «{{title}}»:",
    rejected: "Tu vitrina {{ref}} «{{title}}» no fue aceptada. El motivo:",
    published: "Tu vitrina {{ref}} «{{title}}» está publicada. ¡Gracias por compartirla!",
    problemSolved: "{{ref}} «{{title}}», que votaste, fue marcado como resuelto por {{name}}.",
  },
  errors: {
    tooShort: "Escribe al menos {{min}} caracteres.",
    tooLong: "Mantenlo por debajo de {{max}} caracteres.",
    url: "Indica una dirección web completa que empiece por http:// o https://.",
    problemNumbers: "Escribe números de problema como #12, #14.",
    pickOne: "Elige una de las opciones.",
    tooMany: "Como máximo {{max}}, por favor.",
    unknownDatasets:
      "No encontré esto en el catálogo: {{names}}. Revisa el título o usa la clave del conjunto.",
    unknownProblems: "No existe el problema {{refs}} aquí. Revisa los números en la lista de problemas.",
    notFound: "No encontré esa vitrina.",
    notChampion:
      "Solo los referentes y administradores de la comunidad revisan vitrinas. ¡Gracias por mirar!",
    ownShowcase: "Tú enviaste esta vitrina, así que la revisa otro referente.",
    notYours: "Solo quien envió esta vitrina puede editarla.",
  },
  answer: {
    usedIn_one: "Usado en {{count}} vitrina:",
    usedIn_other: "Usado en {{count}} vitrinas:",
  },
};
