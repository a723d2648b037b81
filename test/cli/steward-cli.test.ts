import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CatalogCliError } from "../../src/cli/catalog/catalog-cli-context.js";
import { type OperatorCliContext, operatorCliContext } from "../../src/cli/operator-cli-context.js";
import {
  stewardAddCommand,
  stewardListCommand,
  stewardRemoveCommand,
} from "../../src/cli/steward-command.js";
import { SqlStewardDirectory } from "../../src/store/access/sql-steward-directory.js";
import { datasetFixture } from "../fakes/core/dataset-fixture.js";
import { FakeClock } from "../fakes/core/fake-clock.js";
import { type CapturedStream, catalogCliFor } from "../support/catalog-cli.js";
import { openTestDatabase, type TestDatabase, testDriver } from "../support/test-database.js";

describe(`datadesk steward add|remove|list (${testDriver})`, () => {
  let db: TestDatabase;
  let op: OperatorCliContext & { stewards: SqlStewardDirectory };
  let stdout: CapturedStream;
  let datasetId: string;
  const clock = new FakeClock("2026-11-26T15:00:00Z");
  beforeAll(async () => {
    db = await openTestDatabase();
    const cli = await catalogCliFor(db, { clock });
    const { people, catalogs, datasetSearch } = cli.ctx.deps;
    const community = await people.communityForWorkspace("slack", "T1");
    await people.findOrCreateActor(
      { platform: "slack", workspaceId: "T1", userId: "U-dana", displayName: "Dana" },
      community,
      ["member"],
    );
    async function* records() {
      yield {
        ok: true as const,
        dataset: datasetFixture({ key: "amb-123", title: "Ambulance response times" }),
      };
    }
    await catalogs.syncCatalog(
      {
        communityId: community.id,
        name: "city",
        kind: "dcat",
        location: "/city.json",
        syncIntervalMinutes: null,
      },
      records(),
      clock.now(),
    );
    datasetId = (await datasetSearch.findByKey(community.id, "amb-123", null))?.id ?? "";
    op = { ...(await operatorCliContext(cli.ctx, undefined)), stewards: new SqlStewardDirectory(db.sql) };
    stdout = cli.stdout;
  });
  afterAll(async () => db.drop());
  beforeEach(() => {
    stdout.text = "";
  });

  it("names a steward once, and lists them", async () => {
    await stewardListCommand(op, "amb-123", {});
    expect(stdout.text).toContain("has no named steward");
    await stewardAddCommand(op, "amb-123", "slack:U-dana", {});
    expect(stdout.text).toContain('Dana (slack:U-dana) now stewards "Ambulance response times"');
    await stewardAddCommand(op, "amb-123", "slack:U-dana", {});
    expect(stdout.text).toContain("already stewards");
    stdout.text = "";
    await stewardListCommand(op, "amb-123", {});
    expect(stdout.text).toBe('Stewards of "Ambulance response times": Dana\n');
    expect(await op.stewards.stewardsOf(op.communityId, datasetId)).toHaveLength(1);
  });

  it("removes a steward once, after which requests fall back to the catalog contact", async () => {
    await stewardAddCommand(op, "amb-123", "slack:U-dana", {});
    stdout.text = "";
    await stewardRemoveCommand(op, "amb-123", "slack:U-dana", {});
    expect(stdout.text).toContain('Dana (slack:U-dana) no longer stewards "Ambulance response times"');
    expect(await op.stewards.stewardsOf(op.communityId, datasetId)).toEqual([]);
    await stewardRemoveCommand(op, "amb-123", "slack:U-dana", {});
    expect(stdout.text).toContain("was not a steward");
    await expect(stewardRemoveCommand(op, "nope", "slack:U-dana", {})).rejects.toThrow(CatalogCliError);
  });

  it("refuses an unknown dataset or account with a friendly error", async () => {
    await expect(stewardAddCommand(op, "nope", "slack:U-dana", {})).rejects.toThrow(CatalogCliError);
    await expect(stewardAddCommand(op, "amb-123", "slack:U-nobody", {})).rejects.toThrow(/Nobody is known/);
  });
});
