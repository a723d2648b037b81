/** Words of the public web page (`GET /`): what anyone sees without an account. */
export const publicPage = {
  title: "{{community}}: open data problems and showcases",
  skipLink: "Skip to the content",
  intro:
    "Problems people asked open data to help with, and projects the community built with it. Vote for a problem in the community's Slack or Discord.",
  problems: {
    heading: "Open problems",
    empty: "No open problems right now.",
    ref: "#{{number}}",
    votes_one: "{{count}} vote",
    votes_other: "{{count}} votes",
    status: "Status: {{status}}",
    topic: "Topic: {{topic}}",
    place: "Place: {{place}}",
    filed: "Filed on {{date}}",
    datasets: "Linked datasets: {{datasets}}",
  },
  showcases: {
    heading: "Showcases",
    empty: "No showcases published yet.",
    by: "By {{team}}",
    published: "Published on {{date}}",
    open: "Open {{title}}",
    addresses: "Addresses problems: {{refs}}",
    kind: {
      app: "App",
      visualisation: "Visualisation",
      story: "Story",
      research: "Research",
      event: "Event",
    },
  },
  footer: {
    data: "The same data as open data:",
    json: "problems (JSON)",
    csv: "problems (CSV)",
    updated: "Updated {{date}}",
  },
  notFound: {
    title: "Community not found",
    body: "There is no community called “{{slug}}” here.",
    back: "Go to the main page",
  },
  unavailable: {
    title: "Temporarily unavailable",
    body: "The page could not be loaded right now. Please try again in a minute.",
  },
};
