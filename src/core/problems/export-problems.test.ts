import { describe, expect, it } from "vitest";
import { fakeCoreDeps } from "../../../test/fakes/core/fake-core-deps.js";
import { createDatadesk } from "../bot/create-datadesk.js";
import type { PlatformIdentity } from "../shared/platform.js";
import { csvCell, exportProblems } from "./export-problems.js";

const secretive: PlatformIdentity = {
  platform: "slack",
  workspaceId: "T1",
  userId: "USECRET42",
  displayName: "Zelda Secretname",
};

describe("export problems", () => {
  it("never carries a submitter, an assignee or a platform id, anonymous or not", async () => {
    const deps = fakeCoreDeps();
    const core = createDatadesk(deps);
    const values = {
      title: '=HYPERLINK("http://evil") bus delays',
      description: 'Parents wait in the cold, "every" morning,\nbecause nobody publishes delays.',
      affected: "Families of Zelda Secretname's street",
      place: "North",
      anonymous: "true",
    };
    const reply = await core.handle(secretive, {
      kind: "form",
      formId: "problem.submit",
      context: "t=;a=0",
      values,
    });
    expect(reply.kind).toBe("card");
    const communityId = deps.people.defaultCommunity.id;
    const json = await exportProblems(deps.problems, communityId, "json");
    const csv = await exportProblems(deps.problems, communityId, "csv");
    const [problem] = (await deps.problems.list({ communityId, order: "new", offset: 0, limit: 1 })).items;
    for (const body of [json, csv]) {
      expect(body).not.toContain("USECRET42");
      expect(body).not.toContain(problem?.submitterId);
      expect(body).not.toContain("Zelda");
    }
    const parsed = JSON.parse(json) as Record<string, unknown>[];
    expect(Object.keys(parsed[0] ?? {}).sort()).toEqual(
      [
        "comments",
        "createdAt",
        "declineReason",
        "description",
        "duplicateOf",
        "linkedDatasets",
        "number",
        "place",
        "status",
        "title",
        "topic",
        "updatedAt",
        "votes",
      ].sort(),
    );
    expect(csv.split("\r\n")[0]).toBe(
      "number,title,description,status,topic,place,votes,decline_reason,duplicate_of,linked_datasets,comments,created_at,updated_at",
    );
    // The formula is defused and the quoted, multi-line description survives as one cell.
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"") bus delays"`);
    expect(csv).toContain(`"Parents wait in the cold, ""every"" morning,\nbecause nobody publishes delays."`);
  });

  it("quotes what needs quoting and defuses spreadsheet formulas", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(12)).toBe("12");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("+1 555")).toBe("'+1 555");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(" padded ")).toBe('" padded "');
  });
});
