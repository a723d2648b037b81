import { describe, expect, it } from "vitest";
import { datasetFixture } from "../../../test/fakes/core/dataset-fixture.js";
import { fakeCoreDeps } from "../../../test/fakes/core/fake-core-deps.js";
import type { NormalizedDataset } from "../catalog/dataset.js";
import type { DatasetSearch } from "../ports/dataset-search.js";
import { tellAfterSync } from "./tell-after-sync.js";

const RUN = "run-1";

/** A community whose catalog holds `datasets`, with open problems; `changed` (keys) changed in RUN. */
async function world(datasets: NormalizedDataset[], problems: string[][], changed: string[]) {
  const deps = fakeCoreDeps();
  const communityId = deps.people.defaultCommunity.id;
  await deps.catalogStore.syncCatalog(
    { communityId, name: "city", kind: "dcat", location: "/city.json", syncIntervalMinutes: null },
    (async function* () {
      for (const dataset of datasets) yield { ok: true as const, dataset };
    })(),
    new Date("2026-01-01T00:00:00Z"),
  );
  for (const [title = "", description = ""] of problems)
    await deps.problems.create(
      {
        communityId,
        submitterId: "ana",
        platform: "slack",
        title,
        description,
        affected: "residents",
        place: null,
        topic: null,
        anonymous: false,
      },
      new Date("2026-01-02T00:00:00Z"),
    );
  deps.dataMatches.changed.set(
    RUN,
    changed.map((key) => deps.catalogStore.datasetByKey(key).id),
  );
  // Every question the catalog is asked, by its words: to see which problems were asked.
  const asked: string[] = [];
  const search = deps.datasetSearch;
  const recording: DatasetSearch = {
    ...search,
    search: (query) => {
      asked.push(query.concepts.flatMap((concept) => concept.words).join(" "));
      return search.search(query);
    },
    questionsReaching: (...args) => search.questionsReaching(...args),
    findByKey: (...args) => search.findByKey(...args),
    findByLink: (...args) => search.findByLink(...args),
    suggestTitles: (...args) => search.suggestTitles(...args),
    catalogNames: (...args) => search.catalogNames(...args),
  };
  return { deps: { ...deps, datasetSearch: recording }, raw: deps, communityId, asked };
}

const catalog = [
  datasetFixture({ key: "potholes", title: "Pothole Repairs", description: "Potholes filled by crews." }),
  datasetFixture({ key: "library", title: "Library Branches", description: "Public library locations." }),
];

describe("matching new data to open problems after a sync", () => {
  it("asks only the problems a changed dataset could answer, and still matches those", async () => {
    const { deps, raw, communityId, asked } = await world(
      catalog,
      [
        ["Potholes everywhere", "Where were potholes repaired?"],
        ["Library opening hours", "When do library branches open?"],
      ],
      ["potholes"],
    );
    const result = await tellAfterSync(deps, { communityId, runId: RUN });
    expect(result.matches).toBe(1);
    expect(raw.dataMatches.matches.map((match) => match.datasetId)).toEqual([
      raw.catalogStore.datasetByKey("potholes").id,
    ]);
    // The library problem shares no word with the changed dataset: its answer (Library
    // Branches, unchanged) could not have been a match, so it was never asked.
    expect(asked.some((words) => words.includes("potholes"))).toBe(true);
    expect(asked.some((words) => words.includes("library"))).toBe(false);
  });

  it("finds the same matches as asking every open problem", async () => {
    const problems = [
      ["Potholes everywhere", "Where were potholes repaired?"],
      ["Library opening hours", "When do library branches open?"],
      ["Street repairs", "Which crews filled holes near the library?"],
    ];
    const skipping = await world(catalog, problems, ["potholes", "library"]);
    const everyone = await world(catalog, problems, ["potholes", "library"]);
    everyone.deps.datasetSearch.questionsReaching = async (_community, questions) =>
      new Set(questions.map((question) => question.id));
    await tellAfterSync(skipping.deps, { communityId: skipping.communityId, runId: RUN });
    await tellAfterSync(everyone.deps, { communityId: everyone.communityId, runId: RUN });
    const pairs = (w: typeof skipping) =>
      w.raw.dataMatches.matches
        .map((match) => {
          const problem = w.raw.problems.problems.get(match.problemId);
          const dataset = [...w.raw.catalogStore.datasets.values()].find((d) => d.id === match.datasetId);
          return `${problem?.number}:${dataset?.dataset.key}`;
        })
        .sort();
    expect(pairs(skipping).length).toBeGreaterThan(0);
    expect(pairs(skipping)).toEqual(pairs(everyone));
  });
});
