import { randomUUID } from "node:crypto";
import { type DigestFacts, emptyDigestFacts } from "../fakes/core/digest-facts.js";

/**
 * One busy week in Chicago (2026-W47: 16–22 November) with something for every digest section,
 * plus last week's first response for the week-over-week figures. `now` is Friday evening, so the
 * week is still in progress (what a champion's preview sees).
 */
export const busyWeek = {
  timezone: "America/Chicago",
  isoWeek: "2026-W47",
  now: new Date("2026-11-21T00:00:00Z"),
  /** A week long before anything but standing backlogs. */
  quietIsoWeek: "2026-W40",
};

const at = (iso: string) => new Date(iso);

export function busyWeekFacts(communityId: string): DigestFacts {
  const facts = emptyDigestFacts();
  const people = {
    ana: randomUUID(),
    ben: randomUUID(),
    cleo: randomUUID(),
    dan: randomUUID(),
    rita: randomUUID(),
    voters: Array.from({ length: 6 }, () => randomUUID()),
  };
  const voter = (index: number) => people.voters[index] as string;
  const dataset = (
    key: string,
    title: string,
    modified: string | null,
    accrualPeriodicity: string | null,
    removed = false,
  ) => {
    const id = randomUUID();
    facts.datasets.push({
      id,
      communityId,
      sourceName: "city",
      key,
      title,
      landingPage: `https://data.example.org/d/${key}`,
      modified: modified ? at(modified) : null,
      accrualPeriodicity,
      removed,
    });
    return id;
  };
  const food = dataset("food", "Food Inspections", "2026-01-01T00:00:00Z", "R/P1M");
  const bikes = dataset("bikes", "Bike Lanes", "2026-11-10T00:00:00Z", "R/P1M");
  const permits = dataset("permits", "Building Permits", "2026-11-18T00:00:00Z", null);
  const requests311 = dataset("311", "311 Service Requests", "2026-11-18T00:00:00Z", "R/P1W");
  const gone = dataset("gone", "Retired Parking Meters", "2020-01-01T00:00:00Z", "R/P1M", true);
  const crime = dataset("crime", "Crimes", "2026-11-01T00:00:00Z", "R/P1D");
  dataset("odd", "Odd periodicity", "2020-01-01T00:00:00Z", "every now and then");

  facts.syncChanges.push(
    { datasetId: permits, change: "added", finishedAt: at("2026-11-18T14:00:00Z") },
    { datasetId: requests311, change: "updated", finishedAt: at("2026-11-18T14:00:00Z") },
    { datasetId: requests311, change: "updated", finishedAt: at("2026-11-19T14:00:00Z") },
    { datasetId: gone, change: "updated", finishedAt: at("2026-11-18T14:00:00Z") },
    { datasetId: bikes, change: "updated", finishedAt: at("2026-11-12T14:00:00Z") },
  );
  facts.gaps.push(
    { datasetId: food, field: "license", count: 7, lastAskedAt: at("2026-11-17T15:00:00Z") },
    { datasetId: bikes, field: "contact", count: 3, lastAskedAt: at("2026-11-19T15:00:00Z") },
    { datasetId: requests311, field: "columns", count: 9, lastAskedAt: at("2026-11-02T15:00:00Z") },
  );

  const problem = (
    number: number,
    title: string,
    submitterId: string,
    createdAt: string,
    more: Partial<DigestFacts["problems"][number]> = {},
  ) => {
    const id = randomUUID();
    facts.problems.push({
      id,
      communityId,
      number,
      title,
      topic: "Transport",
      submitterId,
      status: "new",
      declineReason: null,
      declineDetail: null,
      assigneeId: null,
      hidden: false,
      createdAt: at(createdAt),
      ...more,
    });
    facts.problemEvents.push({
      problemId: id,
      kind: "submitted",
      actorId: submitterId,
      toStatus: "new",
      createdAt: at(createdAt),
    });
    return id;
  };
  const event = (
    problemId: string,
    kind: DigestFacts["problemEvents"][number]["kind"],
    actorId: string,
    when: string,
    toStatus: DigestFacts["problems"][number]["status"] | null = null,
  ) => facts.problemEvents.push({ problemId, kind, actorId, toStatus, createdAt: at(when) });

  const potholes = problem(1, "Potholes on Main Street", people.ana, "2026-10-20T15:00:00Z", {
    status: "solved",
  });
  const busStops = problem(2, "Bus stop accessibility", people.ben, "2026-11-17T12:00:00Z", {
    status: "accepted",
  });
  const trees = problem(3, "Tree canopy by block", people.ana, "2026-11-18T12:00:00Z", {
    status: "declined",
    declineReason: "already_exists",
    declineDetail: "Tree Inventory",
    topic: null,
  });
  const spam = problem(4, "Buy cheap watches", people.ben, "2026-11-18T13:00:00Z", { hidden: true });
  const noise = problem(5, "Noise complaints at night", people.ana, "2026-11-19T12:00:00Z");
  const lastWeek = problem(6, "Snow plough routes", people.ben, "2026-11-09T12:00:00Z", {
    status: "needs_info",
  });
  // Waiting for triage past the 5 business days by now (Friday 20 November, 18:00 in Chicago):
  // #7 for 11, #9 for exactly 5; #8 is as old but assigned, so someone is on it.
  problem(7, "Street light outages", people.ben, "2026-11-05T15:00:00Z");
  const recycling = problem(8, "Recycling pickup days", people.ana, "2026-11-04T15:00:00Z", {
    assigneeId: people.dan,
  });
  problem(9, "Sidewalk snow removal", people.ana, "2026-11-13T20:00:00Z");

  event(potholes, "status_changed", people.cleo, "2026-10-21T15:00:00Z", "accepted");
  event(potholes, "status_changed", people.cleo, "2026-11-19T16:00:00Z", "solved");
  event(busStops, "status_changed", people.dan, "2026-11-17T18:00:00Z", "accepted");
  event(trees, "status_changed", people.cleo, "2026-11-19T12:00:00Z", "declined");
  event(lastWeek, "info_requested", people.cleo, "2026-11-10T12:00:00Z");
  event(recycling, "assigned", people.dan, "2026-11-04T18:00:00Z");
  event(busStops, "dataset_linked", people.dan, "2026-11-18T12:00:00Z");

  const vote = (problemId: string, personId: string, when: string) =>
    facts.votes.push({ problemId, personId, createdAt: at(when) });
  for (const index of [0, 1, 2]) vote(potholes, voter(index), "2026-11-17T20:00:00Z");
  for (const index of [0, 1]) vote(busStops, voter(index), "2026-11-18T20:00:00Z");
  vote(noise, voter(3), "2026-11-19T20:00:00Z");
  vote(spam, voter(4), "2026-11-19T20:00:00Z");
  vote(lastWeek, voter(5), "2026-11-11T20:00:00Z");

  facts.problemDatasets.push(
    { problemId: busStops, datasetId: bikes, createdAt: at("2026-11-18T12:00:00Z") },
    { problemId: trees, datasetId: food, createdAt: at("2026-11-19T12:00:00Z") },
  );
  // After the week's syncs: #1 (filed a month ago) linked to new permits data, #5 still to decide;
  // the hidden #4's suggestion never shows; last week's suggestion for #6 was rejected.
  const match = (
    problemId: string,
    datasetId: string,
    state: "suggested" | "linked" | "rejected",
    created: string,
    decided: string | null = null,
  ) =>
    facts.dataMatches.push({
      problemId,
      datasetId,
      state,
      createdAt: at(created),
      decidedAt: decided ? at(decided) : null,
    });
  match(potholes, permits, "linked", "2026-11-18T09:00:00Z", "2026-11-19T15:00:00Z");
  match(noise, requests311, "suggested", "2026-11-19T10:00:00Z");
  match(spam, requests311, "suggested", "2026-11-19T10:00:00Z");
  match(lastWeek, crime, "rejected", "2026-11-10T09:00:00Z", "2026-11-11T09:00:00Z");
  facts.showcases.push(
    {
      id: randomUUID(),
      communityId,
      number: 1,
      title: "Bus Tracker",
      team: "Civic Hackers",
      link: "https://bustracker.example.org",
      published: true,
      publishedAt: at("2026-11-20T12:00:00Z"),
      datasetIds: [bikes, requests311],
    },
    {
      id: randomUUID(),
      communityId,
      number: 2,
      title: "Draft story",
      team: "Newsroom",
      link: "https://news.example.org",
      published: false,
      publishedAt: null,
      datasetIds: [crime],
    },
  );

  const request = (
    number: number,
    status: DigestFacts["accessRequests"][number]["status"],
    createdAt: string,
    waitingSince: string,
  ) => {
    const id = randomUUID();
    facts.accessRequests.push({
      id,
      communityId,
      number,
      datasetTitle: "Ambulance response times",
      requesterId: people.rita,
      status,
      createdAt: at(createdAt),
      waitingSince: at(waitingSince),
    });
    facts.audit.push({
      communityId,
      subjectId: id,
      actorId: people.rita,
      action: "submitted",
      at: at(createdAt),
    });
    return id;
  };
  request(1, "pending", "2026-11-02T15:00:00Z", "2026-11-02T15:00:00Z");
  const asked = request(2, "needs_info", "2026-11-18T15:00:00Z", "2026-11-19T15:00:00Z");
  const approved = request(3, "approved", "2026-11-03T15:00:00Z", "2026-11-03T15:00:00Z");
  request(4, "pending", "2026-11-16T15:00:00Z", "2026-11-16T15:00:00Z");
  facts.audit.push(
    {
      communityId,
      subjectId: asked,
      actorId: people.dan,
      action: "info_requested",
      at: at("2026-11-19T15:00:00Z"),
    },
    {
      communityId,
      subjectId: approved,
      actorId: people.dan,
      action: "approved",
      at: at("2026-11-17T15:00:00Z"),
    },
  );
  return facts;
}
