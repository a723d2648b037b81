import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, realCatalog } from "../../test/support/catalog-records.js";
import type { CatalogReadProgress } from "../core/ports/catalog-source.js";
import { CatalogSourceError, createCatalogSourceReader } from "./index.js";

/**
 * HTTP behaviour against a local server on 127.0.0.1: paging (CKAN rows/start, Socrata
 * limit/offset), retries, timeouts and the source-level errors. Pages are cut from the real
 * Birmingham and Fort Collins files so the wire format is the genuine one.
 */

type Route = (request: IncomingMessage, response: ServerResponse, url: URL) => void;

let baseUrl = "";
const requests: string[] = [];
const routes = new Map<string, Route>();
const server = createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  requests.push(`${url.pathname}${url.search}`);
  const route = routes.get(url.pathname);
  if (route) route(request, response, url);
  else response.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
});

function sendJson(response: ServerResponse, body: unknown): void {
  response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function requestsTo(pathname: string): string[] {
  return requests.filter((r) => r.startsWith(pathname));
}

const fast = { timeoutMs: 2_000, retryDelayMs: 10 };

beforeAll(async () => {
  const birmingham = JSON.parse(
    await readFile(realCatalog("birmingham-uk-ckan-package_search-sample.json"), "utf8"),
  );
  const packages: unknown[] = birmingham.result.results;
  const fortCollins = JSON.parse(
    await readFile(realCatalog("fort-collins-co-socrata-catalog-api.json"), "utf8"),
  );
  const socrataResults: unknown[] = fortCollins.results;

  const packageSearch = (cap: number): Route => {
    return (_request, response, url) => {
      const rows = Math.min(Number(url.searchParams.get("rows") ?? 10), cap);
      const start = Number(url.searchParams.get("start") ?? 0);
      sendJson(response, {
        help: birmingham.help,
        success: true,
        // The sample's count (38) is for the whole portal; our server only has these 10.
        result: { count: packages.length, sort: "score desc", results: packages.slice(start, start + rows) },
      });
    };
  };
  routes.set("/api/3/action/package_search", packageSearch(1000));
  routes.set("/capped/api/3/action/package_search", packageSearch(4));
  routes.set("/api/catalog/v1", (_request, response, url) => {
    const limit = Number(url.searchParams.get("limit") ?? 100);
    const offset = Number(url.searchParams.get("offset") ?? 0);
    // As the live API does: results first, resultSetSize after them.
    sendJson(response, {
      results: socrataResults.slice(offset, offset + limit),
      resultSetSize: socrataResults.length,
    });
  });
  routes.set("/page.html", (_request, response) => {
    response
      .writeHead(200, { "content-type": "text/html; charset=utf-8" })
      .end("<!doctype html><html><body>Hi</body></html>");
  });
  routes.set("/mislabelled.json", (_request, response) => {
    response
      .writeHead(200, { "content-type": "application/json" })
      .end("<html><body>Login required</body></html>");
  });
  routes.set("/hello.json", (_request, response) => sendJson(response, { hello: 1 }));
  routes.set("/slow.json", (_request, response) => {
    const timer = setTimeout(() => sendJson(response, { dataset: [] }), 3_000);
    response.on("close", () => clearTimeout(timer));
  });
  routes.set("/stalls.json", (_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.write('{"conformsTo":"https://project-open-data.cio.gov/v1.1/schema","dataset":[');
    const timer = setTimeout(() => response.end("]}"), 3_000);
    response.on("close", () => clearTimeout(timer));
  });
  let flakyCalls = 0;
  routes.set("/flaky/data.json", (_request, response) => {
    flakyCalls += 1;
    if (flakyCalls === 1) response.writeHead(500).end("Internal Server Error");
    else
      sendJson(response, {
        conformsTo: "https://project-open-data.cio.gov/v1.1/schema",
        dataset: [{ identifier: "a", title: "A" }],
      });
  });
  routes.set(
    "/down/data.json",
    (_request, response) => void response.writeHead(503).end("Service Unavailable"),
  );

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("paging over HTTP", () => {
  it("follows CKAN package_search pages with rows/start until count is reached", async () => {
    const reader = createCatalogSourceReader(fast);
    const location = `${baseUrl}/api/3/action/package_search?q=purchase&rows=3`;
    expect(await reader.detectKind(location)).toBe("ckan");
    const progress: CatalogReadProgress[] = [];
    const { datasets, skipped } = await collect(reader.read(location, "ckan", (p) => progress.push(p)));
    expect(skipped).toEqual([]);
    expect(datasets).toHaveLength(10);
    expect(new Set(datasets.map((d) => d.key)).size).toBe(10);
    expect(datasets[0]?.landingPage).toBe(`${baseUrl}/dataset/purchase-card-transactions`);
    expect(requestsTo("/api/3/action/package_search?q=purchase&rows=3&start=")).toEqual([
      "/api/3/action/package_search?q=purchase&rows=3&start=0",
      "/api/3/action/package_search?q=purchase&rows=3&start=3",
      "/api/3/action/package_search?q=purchase&rows=3&start=6",
      "/api/3/action/package_search?q=purchase&rows=3&start=9",
    ]);
    expect(progress.at(-1)).toEqual({ records: 10, total: 10 });
  });

  it("steps by what the server returned when it caps rows below the request", async () => {
    const reader = createCatalogSourceReader(fast);
    const { datasets } = await collect(
      reader.read(`${baseUrl}/capped/api/3/action/package_search?rows=100`, "ckan"),
    );
    expect(datasets).toHaveLength(10);
    expect(new Set(datasets.map((d) => d.key)).size).toBe(10);
    expect(requestsTo("/capped/")).toHaveLength(3);
  });

  it("follows Socrata Discovery API pages with limit/offset", async () => {
    const reader = createCatalogSourceReader(fast);
    const location = `${baseUrl}/api/catalog/v1?domains=opendata.fcgov.com&only=dataset&limit=20`;
    expect(await reader.detectKind(location)).toBe("socrata");
    const progress: CatalogReadProgress[] = [];
    const { datasets, skipped } = await collect(reader.read(location, "socrata", (p) => progress.push(p)));
    expect(skipped).toEqual([]);
    expect(datasets).toHaveLength(51);
    expect(new Set(datasets.map((d) => d.key)).size).toBe(51);
    expect(
      requestsTo("/api/catalog/v1?domains=opendata.fcgov.com&only=dataset&limit=20&offset="),
    ).toHaveLength(3);
    expect(progress.at(-1)).toEqual({ records: 51, total: 51 });
  });
});

describe("source errors over HTTP", () => {
  const reader = createCatalogSourceReader(fast);

  async function failure(promise: Promise<unknown>): Promise<CatalogSourceError> {
    const error = await promise.then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CatalogSourceError);
    return error as CatalogSourceError;
  }

  it("404 → not_found, naming the location", async () => {
    const location = `${baseUrl}/missing/data.json`;
    const error = await failure(reader.detectKind(location));
    expect(error.code).toBe("not_found");
    expect(error.message).toContain(location);
    expect((await failure(collect(reader.read(location, "dcat")))).code).toBe("not_found");
  });

  it("an HTML page → not_json, whatever its content type says", async () => {
    expect((await failure(reader.detectKind(`${baseUrl}/page.html`))).code).toBe("not_json");
    expect((await failure(reader.detectKind(`${baseUrl}/mislabelled.json`))).code).toBe("not_json");
    expect((await failure(collect(reader.read(`${baseUrl}/mislabelled.json`, "dcat")))).code).toBe(
      "not_json",
    );
  });

  it("JSON that is not a catalog → not_a_catalog, both when detecting and when reading", async () => {
    const error = await failure(reader.detectKind(`${baseUrl}/hello.json`));
    expect(error.code).toBe("not_a_catalog");
    expect(error.message).toMatch(/hello\.json is JSON, but not a catalog/);
    expect((await failure(collect(reader.read(`${baseUrl}/hello.json`, "dcat")))).code).toBe("not_a_catalog");
  });

  it("a server that does not answer in time → timeout", async () => {
    const impatient = createCatalogSourceReader({ timeoutMs: 200, retryDelayMs: 10 });
    const started = Date.now();
    const error = await failure(impatient.detectKind(`${baseUrl}/slow.json`));
    expect(error.code).toBe("timeout");
    expect(error.message).toContain("200 ms");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("a body that stalls mid-way → timeout, even after records started", async () => {
    const impatient = createCatalogSourceReader({ timeoutMs: 200, retryDelayMs: 10 });
    const error = await failure(collect(impatient.read(`${baseUrl}/stalls.json`, "dcat")));
    expect(error.code).toBe("timeout");
    expect(error.message).toBe(`${baseUrl}/stalls.json stopped sending data for 200 ms.`);
  });

  it("500 then 200 → retried and read", async () => {
    const { datasets } = await collect(reader.read(`${baseUrl}/flaky/data.json`, "dcat"));
    expect(datasets.map((d) => d.key)).toEqual(["a"]);
    expect(requestsTo("/flaky/")).toHaveLength(2);
  });

  it("5xx on every attempt → http_error after 3 tries", async () => {
    const error = await failure(reader.detectKind(`${baseUrl}/down/data.json`));
    expect(error.code).toBe("http_error");
    expect(error.message).toContain("503");
    expect(requestsTo("/down/")).toHaveLength(3);
  });

  it("nothing listening → unreadable after retries", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(reader.detectKind(`http://127.0.0.1:${port}/data.json`));
    expect(error.code).toBe("unreadable");
    expect(error.message).toContain("ECONNREFUSED");
  });
});
