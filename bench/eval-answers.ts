// `npm run eval:answers [-- --questions FILE.jsonl …] [-- --failures]`: imports the catalogs the
// question sets are about into a fresh in-memory PGlite (each catalog named after its file, so a
// question's `catalog` scopes the search), answers every question with datadesk and with two
// baselines, and prints the scores the question set's README defines: per set, then over all of
// them. By default the shared dev set and our own ArcGIS Hub dev set (bench/questions/).
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { AskJson } from "../src/cli/ask-command.js";
import { answerJson } from "../src/cli/ask-command.js";
import { askQuestion } from "../src/core/catalog/answer-dataset-question.js";
import { systemClock } from "../src/core/ports/clock.js";
import { createCatalogStores } from "../src/store/catalog/catalog-stores.js";
import { openDatabase } from "../src/store/database.js";
import { ensureDefaultCommunity } from "../src/store/default-community.js";
import { loadQuestionCatalogs } from "../test/support/real-catalogs.js";
import { baselineAnswer, miniSearchRanker, postgresFullTextRanker, type Ranker } from "./answer-baselines.js";
import { type DevQuestion, type RunScores, scoreRun } from "./answer-scoring.js";

const { values } = parseArgs({
  options: {
    questions: {
      type: "string",
      multiple: true,
      default: ["../shared/questions/dev.jsonl", "bench/questions/arcgis-hub-dev.jsonl"],
    },
    failures: { type: "boolean", default: false },
    /** Writes datadesk's answers (the `datadesk ask --json` shape) to this file, for a closer look. */
    dump: { type: "string" },
  },
});
const questionSets = (values.questions ?? []).map((file) => ({
  file,
  questions: readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as DevQuestion),
}));
const questions = questionSets.flatMap((set) => set.questions);

const db = await openDatabase({ kind: "pglite", dataDir: null });
await ensureDefaultCommunity(db.prisma, { name: "Eval" });
const started = Date.now();
const communityId = await loadQuestionCatalogs(db.sql);
process.stderr.write(`imported the catalogs in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
const stores = createCatalogStores(db.sql, systemClock);

type Outputs = ReadonlyMap<string, AskJson>;
async function run(answer: (question: DevQuestion) => Promise<AskJson>): Promise<Outputs> {
  const outputs = new Map<string, AskJson>();
  for (const question of questions) outputs.set(question.id, await answer(question));
  return outputs;
}

const datadesk = await run(async (question) =>
  answerJson(
    await askQuestion(stores, { question: question.question, catalog: question.catalog }, communityId),
    question.id,
  ),
);
const baseline = (ranker: Ranker) =>
  run((question) => baselineAnswer(ranker, stores.datasetSearch, communityId, question));
if (values.dump) writeFileSync(values.dump, JSON.stringify(Object.fromEntries(datadesk), null, 1));
const fullText = await baseline(postgresFullTextRanker(db.sql));
const miniSearch = await baseline(await miniSearchRanker(db.sql));
await db.close();

const engines: [string, Outputs][] = [
  ["datadesk", datadesk],
  ["pg full text", fullText],
  ["MiniSearch", miniSearch],
];
const pct = (value: number) => value.toFixed(3);
const ratio = (tally: { correct: number; total: number }) =>
  tally.total === 0 ? "—" : `${pct(tally.correct / tally.total)} (${tally.correct}/${tally.total})`;
function report(title: string, setQuestions: readonly DevQuestion[]): void {
  const runs = engines.map(([name, outputs]): [string, RunScores] => [name, scoreRun(setQuestions, outputs)]);
  const datadeskScores = runs[0]?.[1];
  if (!datadeskScores) return;
  const rows: [string, (scores: RunScores) => string][] = [
    [`find hit@1 (${datadeskScores.find.count})`, (s) => pct(s.find.hit1)],
    ["find hit@3", (s) => pct(s.find.hit3)],
    ["find MRR", (s) => pct(s.find.mrr)],
    ...Object.keys(datadeskScores.findByCatalog).flatMap(
      (catalog): [string, (scores: RunScores) => string][] => {
        const short = catalog.split(/[-.]/)[0] ?? catalog;
        const of = (s: RunScores) => s.findByCatalog[catalog] ?? { count: 0, hit1: 0, hit3: 0, mrr: 0 };
        return [
          [
            `  ${short} (${of(datadeskScores).count}) hit@1 / hit@3 / MRR`,
            (s) => `${pct(of(s).hit1)} / ${pct(of(s).hit3)} / ${pct(of(s).mrr)}`,
          ],
        ];
      },
    ),
    ["find, confident and right at 1", (s) => pct(s.findConfidentHit)],
    ...Object.keys(datadeskScores.fieldByIntent).map((intent): [string, (scores: RunScores) => string] => [
      `field: ${intent}`,
      (s) => ratio(s.fieldByIntent[intent] ?? { correct: 0, total: 0 }),
    ]),
    ["field accuracy (combined)", (s) => ratio(s.field)],
    ["none: abstained", (s) => ratio(s.none)],
    ["(field questions: dataset hit@1)", (s) => pct(s.fieldRetrieval.hit1)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const columnWidth = 24;
  const line = (label: string, cells: string[]) =>
    `${label.padEnd(width)}${cells.map((cell) => cell.padEnd(columnWidth)).join("")}`;
  process.stdout.write(`\n${setQuestions.length} questions: ${title}\n\n`);
  process.stdout.write(
    `${line(
      "",
      runs.map(([name]) => name),
    )}\n`,
  );
  for (const [label, cell] of rows)
    process.stdout.write(
      `${line(
        label,
        runs.map(([, scores]) => cell(scores)),
      )}\n`,
    );
  if (values.failures) {
    process.stdout.write("\ndatadesk misses:\n");
    for (const failure of datadeskScores.failures) process.stdout.write(`  ${failure}\n`);
  }
}

for (const set of questionSets) report(set.file, set.questions);
if (questionSets.length > 1) report("all of the sets above", questions);
