/**
 * Fuzzing census of every parser of platform input and catalog data:
 * `npm run bench:fuzz [-- --cases 10000] [-- --route-cases 1000] [-- --seed N] [-- --only slack]`.
 *
 * Runs the properties of test/fuzz (the vitest suite runs them with 200 cases each) over
 * `--cases` generated inputs per parser, without stopping at the first crash, and prints per
 * parser: cases, crashes (unexpected exceptions, malformed replies, internals in chat text,
 * errors the core's safety net hid, hangs), time and the slowest single case. The first crashes
 * of each parser are printed with their input. Exit code 1 when anything crashed.
 *
 * Besides, each registered route (every command, button and form handler, route-targets.ts) gets
 * `--route-cases` of its own, after a crawl of the bot's UI found real ids and form fields.
 */
import { parseArgs } from "node:util";
import { catalogTargets } from "../test/fuzz/catalog-targets.js";
import { coreTargets } from "../test/fuzz/core-targets.js";
import { gatewayPacketTarget, stopGatewayFuzz } from "../test/fuzz/discord-gateway-target.js";
import { discordTargets } from "../test/fuzz/discord-targets.js";
import { type CensusResult, census } from "../test/fuzz/fuzz-target.js";
import { routeTargets } from "../test/fuzz/route-targets.js";
import { slackTargets } from "../test/fuzz/slack-targets.js";

const { values } = parseArgs({
  options: {
    cases: { type: "string", default: "10000" },
    "route-cases": { type: "string", default: "1000" },
    seed: { type: "string", default: "20261121" },
    only: { type: "string" },
  },
});
const cases = Number(values.cases);
const routeCases = Number(values["route-cases"]);
const seed = Number(values.seed);
if (!(cases > 0) || !(routeCases > 0) || !Number.isInteger(seed)) {
  process.stderr.write("usage: bench/fuzz.ts [--cases N>0] [--route-cases N>0] [--seed INT] [--only TEXT]\n");
  process.exit(2);
}

const only = (target: { name: string }) => !values.only || target.name.includes(values.only);
const targets = [
  ...[...catalogTargets, ...slackTargets, ...discordTargets, gatewayPacketTarget, ...coreTargets]
    .filter(only)
    .map((target) => ({ target, cases })),
  ...routeTargets.filter(only).map((target) => ({ target, cases: routeCases })),
];

const widths = [48, 8, 9, 9, 11, 10];
const row = (cells: readonly string[]) =>
  `${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 10) : cell.padStart(widths[i] ?? 10))).join("")}\n`;

process.stdout.write(
  `fuzzing ${targets.length} parsers (${cases} cases each, ${routeCases} per route), seed ${seed}\n\n`,
);
process.stdout.write(row(["parser", "cases", "crashes", "time s", "cases/s", "slowest ms"]));
const results: CensusResult[] = [];
for (const { target, cases } of targets) {
  const result = await census(target, { cases, seed });
  results.push(result);
  process.stdout.write(
    row([
      result.name,
      String(result.cases),
      String(result.crashes),
      (result.ms / 1000).toFixed(1),
      ((result.cases / result.ms) * 1000).toFixed(0),
      result.slowestCaseMs.toFixed(0),
    ]),
  );
}
// The gateway target keeps a fake Discord and a logged-in client open between its cases.
const gateway = await stopGatewayFuzz();
if (gateway)
  process.stdout.write(
    `\ngateway packets discord.js threw on, dropped by the guard: ${gateway.dropped}; client rebuilds asked: ${gateway.rebuildsAsked}\n`,
  );
const total = results.reduce((sum, r) => sum + r.crashes, 0);
const totalCases = results.reduce((sum, r) => sum + r.cases, 0);
const totalMs = results.reduce((sum, r) => sum + r.ms, 0);
process.stdout.write(row(["total", String(totalCases), String(total), (totalMs / 1000).toFixed(1), "", ""]));

for (const result of results.filter((r) => r.crashes > 0)) {
  process.stdout.write(`\n${result.name}: ${result.crashes} crashes\n`);
  for (const [kind, count] of [...result.kinds].sort((a, b) => b[1] - a[1]))
    process.stdout.write(`  ${String(count).padStart(6)}× ${kind}\n`);
  for (const example of result.examples)
    process.stdout.write(`  e.g. ${example.message}\n       input: ${example.input}\n`);
}
if (total > 0) process.exitCode = 1;
