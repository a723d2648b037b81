import { describe, expect, it } from "vitest";
import { catalogDatasetFixture } from "../../../test/fakes/core/catalog-dataset-fixture.js";
import { analyzeQuestion } from "./analyze-question.js";
import { nearMissTopics } from "./near-miss.js";

const topicsLacked = (question: string, dataset: Parameters<typeof nearMissTopics>[0]) =>
  nearMissTopics(dataset, analyzeQuestion(question).concepts);

describe("nearMissTopics", () => {
  const noRidingZones = catalogDatasetFixture({
    key: "zones",
    title: "SBSP No Riding Zones",
    description: "Areas where riding a shared scooter is not allowed, by zone.",
  });

  it("calls a match that shares words but not the asked topic a near miss, naming the topic", () => {
    expect(topicsLacked("daily ridership numbers", noRidingZones)).toEqual(["ridership"]);
  });

  it("accepts a match that has the topic in another phrasing of the civic vocabulary", () => {
    const boardings = catalogDatasetFixture({
      key: "boardings",
      title: "Bus Stop Boardings",
      description: "Average weekday boardings and alightings per stop.",
    });
    expect(topicsLacked("daily ridership numbers", boardings)).toEqual([]);
  });

  it("accepts a match found in keywords or columns rather than the title", () => {
    const counts = catalogDatasetFixture({
      key: "counts",
      title: "Transit Counts",
      columns: [{ name: "Riders", fieldName: "riders", description: "Passengers per day", type: null }],
    });
    expect(topicsLacked("daily ridership numbers", counts)).toEqual([]);
  });

  it("is not a near miss when the match shares the rest of the ask (a title that drops the topic word)", () => {
    const zoneRidership = catalogDatasetFixture({
      key: "station-entries",
      title: "Station Entries by Zone",
      description: "Daily entries per station.",
    });
    // "zone" and "daily" are asked too, and the dataset has them.
    expect(topicsLacked("daily ridership by zone", zoneRidership)).toEqual([]);
  });

  it("does not judge questions that name no civic topic", () => {
    expect(topicsLacked("list of zones", noRidingZones)).toEqual([]);
  });
});
