/** Words of watches (datasets, topics, saved words) and of new data matched to open problems. */
export const watches = {
  commands: {
    watch: 'Be told by DM when a dataset changes, or when new data on a topic or "words" appears',
    watches: "List what you watch, with a button to stop each",
  },
  options: {
    what: 'A dataset, topic <topic>, or "words" in quotes',
  },
  examples: {
    watch: "building permits",
  },
  usage:
    'Say what to watch: {{invocation}} <dataset>, {{invocation}} topic <topic>, or {{invocation}} "<words>".',
  datasetNotFound: "I could not find a dataset called “{{reference}}”. Try {{dataset}} to look it up.",
  watching: {
    dataset: "You are now watching “{{title}}”. I will tell you by DM when it changes or is removed.",
    topic:
      "You are now watching the topic “{{target}}”. I will tell you by DM when new datasets on it appear.",
    words: "You are now watching “{{target}}”. I will tell you by DM when new datasets matching it appear.",
  },
  alreadyWatching: "You already watch that.",
  list: {
    title: "What you watch",
    empty:
      'You watch nothing yet. Try {{invocation}} <dataset>, {{invocation}} topic <topic> or {{invocation}} "<words>".',
    dataset: "Dataset: {{title}}",
    topic: "Topic: {{target}}",
    words: "Words: “{{target}}”",
    removedDataset: "a dataset no longer in the catalog",
  },
  buttons: {
    watch: "Watch",
    stop: "Stop watching",
    link: "Link",
    notMatch: "Not a match",
  },
  removed: "Stopped. You no longer watch that.",
  alreadyRemoved: "You were not watching that any more.",
  dm: {
    title_one: "A change in the data you watch",
    title_other: "{{count}} changes in the data you watch",
    updated: "updated",
    updatedFields: "updated: {{fields}}",
    removed: "removed from the catalog",
    newForTopic: "new, on the topic “{{target}}”",
    newForWords: "new, matching “{{target}}”",
    overdue: "overdue: its own update schedule expected new data by {{date}}",
    restricted: "changed (restricted dataset: details on request)",
    fields: {
      modified: "modified date",
      formats: "formats",
      license: "license",
      description: "description",
    },
    more_one: "…and 1 more change.",
    more_other: "…and {{count}} more changes.",
    footer: "Say {{invocation}} to see or stop what you watch.",
  },
  match: {
    title: "New data may answer {{ref}}",
    body: "“{{dataset}}” was just added or updated in the catalog and reads like {{ref}} “{{problem}}”.",
    linked: "Linked “{{dataset}}” to {{ref}}; its submitter and followers were told.",
    rejected: "Noted: “{{dataset}}” is not a match for {{ref}}. It will not be suggested again.",
    alreadyDecided: "Someone already decided about this suggestion.",
    gone: "This suggestion is no longer there.",
  },
} as const;
