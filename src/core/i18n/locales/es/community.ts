import type { community as en } from "../en/community.js";

/** Palabras de la gente y la configuración de la comunidad: directorio de referentes, perfiles, roles, configuración. */
export const community: typeof en = {
  commands: {
    champions: "Quiénes son los referentes, por tema y nivel, y cómo contactarlos",
    profile: "Edita tu perfil de referente: temas, una breve biografía, cómo contactarte",
    role: "Concede o retira un rol: referente, custodio o admin (admins)",
    setup: "Canales, zona horaria, idioma, resumen, temas y guardias de la comunidad (admins)",
    claim: "Hazte la primera persona admin con el código que datadesk mostró al arrancar",
  },
  options: {
    topic: "Un tema, para ver solo sus referentes",
    action: "grant o revoke (en Slack: grant @persona champion [nivel] [motivo])",
    user: "La persona (menciónala)",
    role: "champion, steward o admin",
    level: "Para referentes: executive, internal o external",
    reason: "Por qué (queda en el registro de auditoría)",
    claimCode: "El código de reclamo del registro de arranque de datadesk",
  },
  examples: {
    champions: "Transporte",
    role: "grant @maria champion internal",
  },
  levels: {
    executive: "Referentes ejecutivos",
    internal: "Referentes internos",
    external: "Referentes de cara al público",
    none: "Referentes",
  },
  levelNames: {
    executive: "ejecutivo",
    internal: "interno",
    external: "de cara al público",
  },
  roleNames: {
    member: "miembro",
    champion: "referente",
    steward: "custodio",
    admin: "admin",
  },
  champions: {
    title: "Referentes",
    titleTopic: "Referentes de {{topic}}",
    none: "Todavía no hay referentes. Un admin puede nombrarlos con {{command}}.",
    noneTopic: "Nadie es referente de {{topic}} todavía. Prueba {{command}} para verlos a todos.",
    topics: "Temas: {{topics}}",
    noTopics: "Sin temas todavía",
    footer: "Referentes: editen lo que se ve aquí con {{command}}.",
  },
  profile: {
    title: "Tu perfil",
    submit: "Guardar",
    notForMembers:
      "Los perfiles son para referentes, custodios y admins. Si quieres ayudar como referente, pídeselo a un admin de tu comunidad.",
    fields: {
      topics: { label: "Temas (separados por comas)", hint: "De: {{topics}}" },
      topicsNone: {
        label: "Temas (separados por comas)",
        hint: "La comunidad aún no tiene temas: déjalo vacío.",
      },
      topicsPick: { label: "Temas de los que eres referente" },
      bio: {
        label: "Una breve biografía",
        hint: "Como mucho {{max}} caracteres: qué sabes, en qué puedes ayudar.",
      },
      contact: {
        label: "Cómo contactarte",
        hint: "Como mucho {{max}} caracteres, p. ej. «escríbeme aquí» o un correo.",
      },
    },
    unknownTopics: "No es un tema de la comunidad: {{topics}}. Temas: {{known}}.",
    tooLong: "Como mucho {{max}} caracteres (tiene {{length}}).",
    saved: "Tu perfil está guardado. Se ve en {{command}}.",
  },
  claim: {
    usage:
      "Escribe claim seguido del código que datadesk mostró al arrancar, por ejemplo: claim K7QF-M2XD-9PRA.",
    claimed:
      "Hecho: ahora eres admin de {{community}}. Ahora elige los canales con {{setup}} y nombra referentes con {{role}}.",
    hasAdmin:
      "{{community}} ya tiene admin, así que los códigos de reclamo ya no sirven. Pide un rol a una persona admin.",
    expired: "Ese código de reclamo caducó. Reinicia datadesk para que muestre uno nuevo y envíalo aquí.",
    unknown:
      "Ese código de reclamo no es válido: puede que ya se haya usado o que un arranque más reciente lo haya reemplazado. Mira el último registro de arranque.",
    auditReason: "primera persona admin, con el código de reclamo que datadesk mostró al arrancar",
  },
  role: {
    usage:
      "Escribe: role grant @persona champion|steward|admin [executive|internal|external] [motivo], o role revoke @persona rol [motivo].",
    unknownPerson:
      "Aún no conozco a esa persona: tiene que hablar con datadesk una vez (por ejemplo {{command}}) antes de recibir un rol.",
    ambiguous: "Aquí hay varias personas llamadas {{name}}: menciónala para saber cuál es.",
    badLevel: "Los niveles son solo para referentes: executive, internal o external.",
    lastAdmin:
      "Eres el último admin: da el rol de admin a otra persona antes de dejarlo, para que la comunidad nunca se quede sin admin.",
    granted: "{{name}} ahora es {{role}}.",
    grantedLevel: "{{name}} ahora es {{role}} ({{level}}).",
    alreadyHas: "{{name}} ya es {{role}}: no cambió nada.",
    revoked: "{{name}} ya no es {{role}}.",
    doesNotHave: "{{name}} no es {{role}}: no cambió nada.",
  },
  setup: {
    title: "Configuración de la comunidad",
    channelsHere: "Canales aquí ({{platform}})",
    channelsNone:
      "Los canales se configuran en Slack o Discord, en el espacio de trabajo o servidor al que pertenecen.",
    channelNames: {
      problems: "Problemas",
      triage: "Triaje",
      showcases: "Proyectos",
      digest: "Resumen",
    },
    notSet: "sin configurar",
    notInChannel:
      "el bot no está en este canal: invítalo (/invite y su nombre) o lo que publique allí fallará",
    timezone: "Zona horaria",
    locale: "Idioma",
    digest: "Resumen",
    digestWhen: "{{weekday}} a las {{hour}}:00",
    digestQuiet: "{{when}}, también cuando no pasó nada",
    digestNotQuiet: "{{when}}, se omite cuando no pasó nada",
    topics: "Temas",
    topicsNone: "ninguno todavía",
    oncall: "De guardia",
    oncallNone: "sin turnos",
    oncallFrom: "{{people}} (una semana cada uno, desde {{startsOn}})",
    buttons: {
      channels: "Canales",
      region: "Zona horaria e idioma",
      digest: "Resumen",
      topics: "Temas",
      oncall: "Guardias",
    },
    saved: "Guardado: {{setting}}.",
    settings: {
      channels: "canales",
      region: "zona horaria e idioma",
      digest: "resumen",
      topics: "temas",
      oncall: "turnos de guardia",
    },
    forms: {
      channels: { title: "Canales", submit: "Guardar" },
      region: { title: "Zona horaria e idioma", submit: "Guardar" },
      digest: { title: "Resumen", submit: "Guardar" },
      topics: { title: "Temas", submit: "Guardar" },
      oncall: { title: "Turnos de guardia", submit: "Guardar" },
    },
    fields: {
      channel: {
        label: "Canal de {{name}}",
        hint: "Una mención del canal o su id; déjalo como está para conservarlo.",
      },
      timezone: {
        label: "Zona horaria",
        hint: "Un nombre IANA, p. ej. America/Mexico_City o Europe/Madrid.",
      },
      locale: { label: "Idioma", hint: "en o es" },
      weekday: { label: "Día", hint: "El día en que sale el resumen semanal." },
      hour: { label: "Hora (0–23)", hint: "Hora local, en la zona horaria de la comunidad." },
      quiet: { label: "Enviarlo aunque no haya pasado nada" },
      topics: {
        label: "Temas, uno por línea",
        hint: "Como mucho {{max}}, cada uno de {{length}} caracteres como mucho.",
      },
      people: {
        label: "Referentes, en orden de turno",
        hint: "Menciónalos, separados por espacios o comas; vacío: sin turnos.",
      },
      startsOn: { label: "Primer lunes (AAAA-MM-DD)", hint: "Vacío: el lunes de esta semana." },
    },
    errors: {
      channel: "No es un canal: menciónalo (#canal) o pega su id.",
      timezone: "No conozco la zona horaria «{{value}}». Usa un nombre IANA como Europe/Madrid.",
      locale: "Idiomas: en o es.",
      weekday: "Elige un día de la semana.",
      hour: "Una hora entera de 0 a 23.",
      tooManyTopics: "Como mucho {{max}} temas (los selectores del chat no admiten más).",
      topicTooLong: "«{{topic}}» tiene más de {{max}} caracteres.",
      people: "Aún no conozco a {{who}}: tiene que hablar con datadesk una vez.",
      peopleFormat: "Menciona a cada persona (@nombre), separadas por espacios.",
      startsOn: "Escribe un lunes como AAAA-MM-DD.",
    },
  },
  weekdays: {
    1: "lunes",
    2: "martes",
    3: "miércoles",
    4: "jueves",
    5: "viernes",
    6: "sábado",
    7: "domingo",
  },
  localeNames: { en: "inglés", es: "español" },
};
