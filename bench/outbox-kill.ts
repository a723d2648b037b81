// Issue 8's fault figure: two datadesk processes on one Postgres deliver one outbox to the fake
// Discord on 127.0.0.1; one is killed with SIGKILL mid-run. Prints delivered / lost / duplicated, and
// (unless --no-digest) how many times the weekly digest both bots raced to send reached each channel.
// Run: scripts/throwaway-postgres.sh npm run bench:outbox-kill [-- --messages 1000 --lease 5]
import { parseArgs } from "node:util";
import { runOutboxKill } from "../test/support/outbox-kill-run.js";
import { openTestDatabase } from "../test/support/test-database.js";

const { values } = parseArgs({
  options: {
    messages: { type: "string", default: "1000" },
    lease: { type: "string", default: "5" },
    "kill-at": { type: "string", default: "0.3" },
    verbose: { type: "boolean", default: false },
    "no-digest": { type: "boolean", default: false },
  },
});
if (!process.env.DATABASE_URL) {
  console.error("Needs Postgres: scripts/throwaway-postgres.sh npm run bench:outbox-kill");
  process.exit(2);
}
const db = await openTestDatabase({ community: false });
try {
  const result = await runOutboxKill({
    databaseUrl: db.url ?? "",
    messages: Number(values.messages),
    leaseSeconds: Number(values.lease),
    killAt: Number(values["kill-at"]),
    timeoutMs: 180_000,
    ...(values.verbose ? { log: (line: string) => console.error(line) } : {}),
    digest: !values["no-digest"],
  });
  console.log("outbox under a SIGKILL: 2 processes, 1 Postgres, fake Discord on 127.0.0.1");
  console.log(`messages              ${result.messages}`);
  console.log(`delivered before kill ${result.deliveredBeforeKill} (${result.secondsToKill.toFixed(1)} s)`);
  console.log(`delivered             ${result.delivered}`);
  console.log(`lost                  ${result.lost}`);
  console.log(`duplicated            ${result.duplicated}`);
  console.log(`dead-lettered         ${result.dead}`);
  console.log(`resends dropped by nonce ${result.nonceReplays}`);
  console.log(
    `all sent after        ${result.secondsToAllSent === null ? "NOT ALL SENT" : `${result.secondsToAllSent.toFixed(1)} s`}`,
  );
  const digestOnce =
    result.digest === null ||
    (Object.values(result.digest.messagesPerChannel).every((n) => n === 1) &&
      result.digest.duplicatedRuns === 0);
  if (result.digest) {
    const perChannel = Object.values(result.digest.messagesPerChannel).join(" + ");
    console.log(
      `digest messages       ${perChannel} (per channel; both bots run the digest job on their first tick)`,
    );
    console.log(`digest runs claimed   ${result.digest.runs} (duplicated ${result.digest.duplicatedRuns})`);
  }
  process.exitCode = result.lost === 0 && result.duplicated === 0 && result.dead === 0 && digestOnce ? 0 : 1;
} finally {
  await db.drop();
}
