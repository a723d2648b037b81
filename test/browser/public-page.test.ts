import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { PassThrough } from "node:stream";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoreDeps } from "../../src/core/bot/core-deps.js";
import type { SqlExecutor } from "../../src/store/sql-executor.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { seedShowcase } from "./seed-showcase.js";

/**
 * The public page as a visitor meets it: Debian's Chromium, driven by playwright-core, against
 * the real HTTP server of `datadesk start`, over data seeded through the app's own stores.
 */
const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
const inCi = process.env.CI === "true";

if (!hasChromium && !inCi) {
  console.warn(
    `test/browser/public-page.test.ts: SKIPPED — ${CHROMIUM} is absent. Install it with ` +
      "`apt-get install -y --no-install-recommends chromium` to run the browser test (.ci/run does).",
  );
}

describe.runIf(inCi && !hasChromium)("the browser test in CI", () => {
  it("has Chromium to drive (CI must not skip the browser test)", () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: .ci/run installs it`).toBe(true);
  });
});

const SUBMITTER = "Rosalind Submitter";

describe.runIf(hasChromium)("the public page in a real browser", { timeout: 120_000 }, () => {
  let testApp: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    testApp = await startTestApp(
      {
        DATADESK_HTTP: "true",
        PORT: "0",
        HOST: "127.0.0.1",
        DATADESK_COMMUNITY_NAME: "Riverside Open Data",
        DATADESK_TIMEZONE: "America/Chicago",
      },
      // The console would read the test runner's stdin otherwise.
      { logLevel: "warn", input: new PassThrough(), output: new PassThrough() },
    );
    const server = testApp.app.httpServer;
    if (!server) throw new Error("the HTTP server did not start");
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await seed(testApp.app.services.deps, testApp.app.services.db.sql, testApp.app.services.db.prisma);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
    page = await browser.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it("shows open problems with their votes, most supported first, and the showcase", async () => {
    const response = await page.goto(`${base}/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["cache-control"]).toBe("public, max-age=60");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await expect.poll(() => page.title()).toContain("Riverside Open Data");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Riverside Open Data");
    expect(await page.getByRole("heading", { level: 2 }).allInnerTexts()).toEqual([
      "Open problems",
      "Showcases",
    ]);

    const problems = page
      .getByRole("region", { name: "Open problems" })
      .getByRole("listitem")
      .filter({
        has: page.getByRole("heading", { level: 3 }),
      });
    expect(await problems.getByRole("heading", { level: 3 }).allInnerTexts()).toEqual([
      "#2 Potholes reported but never fixed",
      "#1 <script>alert(1)</script>",
    ]);
    expect(await problems.nth(0).innerText()).toContain("2 votes");
    expect(await problems.nth(1).innerText()).toContain("1 vote");
    // The date is the community's (Chicago): filed 02:30 UTC on the 21st, still the 20th there.
    expect(await problems.nth(0).locator("time").innerText()).toBe("November 20, 2026");

    const showcase = page.getByRole("link", { name: "Pothole tracker" });
    expect(await showcase.getAttribute("href")).toBe("https://example.org/potholes");
    const body = await page.locator("body").innerText();
    expect(body).toContain("By Civic Lab");
    expect(body).toContain("Addresses problems: #2");
  });

  it("shows a typed script as text and never runs it", async () => {
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${base}/`);
    expect(await page.getByText("<script>alert(1)</script>", { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.locator("main script").count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it("leaves out what the export redacts: hidden and closed problems, names", async () => {
    await page.goto(`${base}/`);
    const body = await page.locator("body").innerText();
    expect(body).not.toContain("Hidden by a moderator");
    expect(body).not.toContain("Already solved problem");
    expect(body).not.toContain(SUBMITTER);
    expect(body).not.toContain("Still waiting for review");
  });

  it("lets a keyboard user skip straight to the content", async () => {
    await page.goto(`${base}/`);
    await page.keyboard.press("Tab");
    const focused = page.locator(":focus");
    // The first Tab lands on the skip link, which shows while focused (it sits off-screen otherwise).
    await expect.poll(() => focused.innerText()).toBe("Skip to the content");
    const box = await focused.boundingBox();
    expect(box && box.x >= 0 && box.y >= 0).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(() => focused.getAttribute("id")).toBe("content");
    expect(page.url()).toMatch(/#content$/);
  });

  it("speaks Spanish for a Spanish community", async () => {
    const response = await page.goto(`${base}/?community=ciudad`);
    expect(response?.status()).toBe(200);
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    expect(await page.getByRole("heading", { level: 2 }).allInnerTexts()).toEqual([
      "Problemas abiertos",
      "Proyectos destacados",
    ]);
    const body = await page.locator("body").innerText();
    expect(body).toContain("Baches en la avenida");
    expect(body).toContain("1 voto");
    expect(body).toContain("Todavía no hay proyectos publicados.");
    expect(body).not.toContain("Potholes reported");
    expect(await page.getByRole("link", { name: "problemas (JSON)" }).getAttribute("href")).toBe(
      "/public/problems.json?community=ciudad",
    );
  });

  it("answers an unknown community with a friendly 404 page", async () => {
    const response = await page.goto(`${base}/?community=nowhere`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Community not found");
    await page.getByRole("link", { name: "Go to the main page" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Riverside Open Data");
  });
});

async function seed(deps: CoreDeps, sql: SqlExecutor, prisma: TestApp["app"]["services"]["db"]["prisma"]) {
  const at = (hours: number) => new Date(Date.UTC(2026, 10, 20, hours, 30));
  const community = await deps.people.communityForWorkspace("slack", "T1");
  const person = async (userId: string, name: string, target = community) =>
    (
      await deps.people.findOrCreateActor(
        { platform: "slack", workspaceId: "T1", userId, displayName: name },
        target,
        ["member"],
      )
    ).personId;
  const submitter = await person("U1", SUBMITTER);
  const voters = [await person("U2", "Vera Voter"), await person("U3", "Victor Voter")];
  const file = (title: string, hours: number, target = community, who = submitter) =>
    deps.problems.create(
      {
        communityId: target.id,
        submitterId: who,
        platform: "slack",
        title,
        description: `${title}: details.`,
        affected: "Residents",
        place: null,
        topic: null,
        anonymous: false,
      },
      at(hours),
    );

  const script = await file("<script>alert(1)</script>", 1);
  const potholes = await file("Potholes reported but never fixed", 26);
  const hidden = await file("Hidden by a moderator", 3);
  const solved = await file("Already solved problem", 4);
  await deps.problems.vote(script.id, voters[0] as string, at(5));
  for (const voter of voters) await deps.problems.vote(potholes.id, voter, at(6));
  for (const voter of voters) await deps.problems.vote(hidden.id, voter, at(6));
  await deps.problems.setHidden(hidden.id, true);
  await deps.problems.changeStatus(solved.id, {
    from: "new",
    to: "solved",
    actorId: submitter,
    note: null,
    at: at(7),
  });

  await seedShowcase(sql, {
    communityId: community.id,
    submitterId: submitter,
    title: "Pothole tracker",
    link: "https://example.org/potholes",
    team: "Civic Lab",
    status: "published",
    problemIds: [potholes.id, hidden.id],
    at: at(8),
  });
  await seedShowcase(sql, {
    communityId: community.id,
    submitterId: submitter,
    title: "Still waiting for review",
    link: "https://example.org/pending",
    team: "Someone",
    status: "pending_review",
    problemIds: [],
    at: at(9),
  });

  const ciudad = await prisma.community.create({
    data: { slug: "ciudad", name: "Ciudad Abierta", locale: "es", timezone: "America/Mexico_City" },
  });
  const target = { ...community, id: ciudad.id };
  const vecina = await person("U9", "Vecina", target);
  const baches = await file("Baches en la avenida", 10, target, vecina);
  await deps.problems.vote(baches.id, vecina, at(11));
}
