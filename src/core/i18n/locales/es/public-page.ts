import type { publicPage as en } from "../en/public-page.js";

/** Palabras de la página web pública (`GET /`): lo que cualquiera ve sin cuenta. */
export const publicPage: typeof en = {
  title: "{{community}}: problemas de datos abiertos y proyectos destacados",
  skipLink: "Saltar al contenido",
  intro:
    "Problemas que la gente pidió resolver con datos abiertos y proyectos que la comunidad construyó con ellos. Vota por un problema en el Slack o Discord de la comunidad.",
  problems: {
    heading: "Problemas abiertos",
    empty: "No hay problemas abiertos ahora mismo.",
    ref: "n.º {{number}}",
    votes_one: "{{count}} voto",
    votes_other: "{{count}} votos",
    status: "Estado: {{status}}",
    topic: "Tema: {{topic}}",
    place: "Lugar: {{place}}",
    filed: "Registrado el {{date}}",
    datasets: "Conjuntos de datos vinculados: {{datasets}}",
  },
  showcases: {
    heading: "Proyectos destacados",
    empty: "Todavía no hay proyectos publicados.",
    by: "De {{team}}",
    published: "Publicado el {{date}}",
    open: "Abrir {{title}}",
    addresses: "Responde a los problemas: {{refs}}",
    kind: {
      app: "Aplicación",
      visualisation: "Visualización",
      story: "Reportaje",
      research: "Investigación",
      event: "Evento",
    },
  },
  footer: {
    data: "Los mismos datos como datos abiertos:",
    json: "problemas (JSON)",
    csv: "problemas (CSV)",
    updated: "Actualizado el {{date}}",
  },
  notFound: {
    title: "Comunidad no encontrada",
    body: "Aquí no hay ninguna comunidad llamada «{{slug}}».",
    back: "Ir a la página principal",
  },
  unavailable: {
    title: "No disponible por el momento",
    body: "No se pudo cargar la página ahora mismo. Vuelve a intentarlo en un minuto.",
  },
};
