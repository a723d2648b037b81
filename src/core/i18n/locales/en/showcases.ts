/** Words of showcases: the two-step form, the champions' review, publishing, solved problems. */
export const showcases = {
  commands: {
    showcase: "Share a project built on open data, for the champions to review and publish",
  },
  options: {
    dataset: "A dataset the project used (optional)",
  },
  examples: {
    showcase: "Bike lanes",
  },
  kinds: {
    app: "App",
    visualisation: "Visualisation",
    story: "Story or article",
    research: "Research",
    event: "Event",
  },
  status: {
    pending_review: "Waiting for a champion's review",
    changes_requested: "Waiting for the submitter's changes",
    rejected: "Rejected",
    published: "Published",
    withdrawn: "Withdrawn",
  },
  form: {
    detailsTitle: "Share a project (1/2)",
    lineageTitle: "Share a project (2/2)",
    next: "Next",
    send: "Send for review",
    fields: {
      title: {
        label: "Title",
        hint: "What the project is called.",
        placeholder: "Safe routes to school map",
      },
      summary: {
        label: "Summary",
        hint: "What it does, for whom, and what it found or changed.",
        placeholder: "An interactive map of crossings near schools, built with parents…",
      },
      link: {
        label: "Link",
        hint: "Where people can see it (http or https).",
        placeholder: "https://example.org/safe-routes",
      },
      image_url: {
        label: "Image URL (optional)",
        hint: "A screenshot or picture shown on the card (http or https).",
        placeholder: "https://example.org/safe-routes.png",
      },
      team: {
        label: "Team",
        hint: "Who made it: people, a group or an organisation.",
        placeholder: "Northside Parents Collective",
      },
      kind: {
        label: "Type",
        hint: "What kind of project it is.",
      },
      datasets: {
        label: "Datasets used (optional)",
        hint: "Titles or keys from the catalog, one per line or separated by semicolons.",
        placeholder: "Traffic Crashes\nSchool Locations",
      },
      problems: {
        label: "Problems addressed (optional)",
        hint: "Problem numbers from the inventory, like #12, #14.",
        placeholder: "#12, #14",
      },
    },
  },
  steps: {
    two: "Step 1 of 2 done for “{{title}}”. Continue with its type, the datasets it used and the problems it addresses.",
    alreadyDone:
      "This form was already sent or cancelled. Start again with the showcase command if you need to.",
    cancelled: "Cancelled: nothing was sent.",
    notWaiting: "This showcase is not waiting for changes any more, so there is nothing to edit.",
  },
  buttons: {
    continue: "Continue",
    edit: "Edit step 1",
    cancel: "Cancel",
    revise: "Edit and resubmit",
    approve: "Approve and publish",
    changes: "Ask for changes",
    reject: "Reject",
    open: "Open the project",
    solve: "Mark {{refs}} as solved",
    withdraw: "Withdraw",
  },
  card: {
    imageAlt: "Picture of {{title}}",
    team: "Team",
    kind: "Type",
    link: "Link",
    datasets: "Datasets used",
    problems: "Problems addressed",
  },
  sent: {
    body: "Thanks! {{ref}} “{{title}}” is with the champions for review. You will get a message when they decide.",
    resubmitted: "Thanks! Your changes to {{ref}} “{{title}}” are with the champions for another look.",
  },
  review: {
    fallback: "New showcase to review: {{ref}} “{{title}}”",
    submittedBy: "Submitted by {{name}}.",
    resubmittedBy: "Resubmitted with changes by {{name}}.",
    alreadyDecided: "{{ref}} was already decided: {{status}}. Nothing changed.",
    published: "{{ref}} is published on every connected showcase channel.",
    noChannel:
      "{{ref}} is approved, but no platform has a showcase channel yet: an admin can set one with the setup command.",
    changes_requested: "Asked the submitter for changes to {{ref}}.",
    rejected: "{{ref}} was rejected; the submitter was told why.",
  },
  reviewed: {
    pending_review: "Waiting for review",
    published: "Approved and published by {{name}}",
    changes_requested: "Changes asked for by {{name}}",
    rejected: "Rejected by {{name}}",
    withdrawn: "Withdrawn by {{name}}",
  },
  withdraw: {
    done: "{{ref}} “{{title}}” is withdrawn: the champions will not review it. You can share it again any time with the showcase command.",
    notYours: "Only the person who submitted {{ref}} can withdraw it.",
    published:
      "{{ref}} is already published, so it cannot be withdrawn here. Ask a champion if it should come down.",
    closed: "{{ref}} is already closed ({{status}}), so there is nothing to withdraw.",
    noSuchNumber: "There is no showcase {{ref}} here. Check the number on your receipt.",
  },
  changes: {
    title: "Ask for changes",
    submit: "Send to submitter",
    label: "What should change?",
    hint: "The submitter sees this and can edit and resubmit.",
  },
  reject: {
    title: "Reject showcase",
    submit: "Reject",
    label: "Why is it rejected?",
    hint: "The submitter sees this reason.",
  },
  published: {
    fallback: "New showcase: “{{title}}” by {{team}}",
  },
  solve: {
    question_one: "It addresses {{refs}}. Is that problem now solved?",
    question_other: "It addresses {{refs}}. Are those problems now solved?",
    note: "Solved by showcase {{ref}} “{{title}}”: {{link}}",
    notPublished: "Only a published showcase can mark problems as solved.",
    nothingOpen: "{{refs}}: nothing left to mark, they are already closed.",
    done_one: "Marked {{refs}} as solved; {{count}} person was told.",
    done_other: "Marked {{refs}} as solved; {{count}} people were told.",
  },
  dm: {
    changesRequested: "A champion asked for changes to your showcase {{ref}} “{{title}}”:",
    rejected: "Your showcase {{ref}} “{{title}}” was not accepted. The champion's reason:",
    published: "Your showcase {{ref}} “{{title}}” is published. Thank you for sharing it!",
    problemSolved: "{{ref}} “{{title}}”, which you voted for, was marked solved by {{name}}.",
  },
  errors: {
    tooShort: "Please write at least {{min}} characters.",
    tooLong: "Please keep it under {{max}} characters.",
    url: "Please give a full web address starting with http:// or https://.",
    problemNumbers: "Write problem numbers like #12, #14.",
    pickOne: "Please pick one of the choices.",
    tooMany: "At most {{max}}, please.",
    unknownDatasets:
      "I could not find these in the catalog: {{names}}. Check the title or use the dataset's key.",
    unknownProblems: "There is no problem {{refs}} here. Check the numbers in the problem list.",
    notFound: "I could not find that showcase.",
    notChampion: "Only the community's champions and admins review showcases. Thanks for looking, though!",
    ownShowcase: "You submitted this showcase, so another champion reviews it.",
    notYours: "Only the person who submitted this showcase can edit it.",
  },
  answer: {
    usedIn_one: "Used in {{count}} showcase:",
    usedIn_other: "Used in {{count}} showcases:",
  },
};
