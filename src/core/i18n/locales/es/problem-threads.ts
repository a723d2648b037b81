/** Textos de la conversación de un problema: el nombre de su hilo y las copias de respuestas de otras plataformas. */
export const problemThreads = {
  threadName: "{{ref}} · {{title}}",
  platform: { slack: "Slack", discord: "Discord", console: "la consola" },
  mirrored: "{{name}} en {{platform}}:",
  edited: "(editado)",
  statusMoved: "{{name}} pasó {{ref}} a {{status}}.",
  statusNote: "Nota: {{note}}",
  publicHeading: "Conversación ({{count}})",
  writtenOn: "Una persona de la comunidad, {{date}}",
} as const;
