import { SingleBar } from "cli-progress";
import type { CatalogReadProgress } from "../../core/ports/catalog-source.js";

export interface ImportProgress {
  onProgress(progress: CatalogReadProgress): void;
  /** Clears the bar (TTY) or prints the last count (plain lines). */
  finish(): void;
}

/** Plain output: one line per tenth of a known total, else one per this many records. */
const PLAIN_LINE_EVERY = 10_000;

/**
 * Import progress on stderr. On a terminal, a cli-progress bar (a percentage when the catalog
 * announces its size, a running count when it doesn't, as data.json files never do); in a log
 * or a pipe, a few plain lines, because redrawn bars turn into thousands of lines there.
 */
export function createImportProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }): ImportProgress {
  return stream.isTTY ? terminalProgress(stream) : plainProgress(stream);
}

function terminalProgress(stream: NodeJS.WritableStream): ImportProgress {
  let bar: SingleBar | null = null;
  let knownTotal: number | null = null;
  return {
    onProgress({ records, total }) {
      if (!bar) {
        knownTotal = total;
        bar = new SingleBar({
          stream,
          format:
            total === null
              ? " reading catalog | {value} records | {duration_formatted}"
              : " reading catalog [{bar}] {percentage}% | {value}/{total} records | ETA {eta_formatted}",
          hideCursor: true,
          clearOnComplete: true,
        });
        bar.start(total ?? records, records);
        return;
      }
      if (total !== null && total !== knownTotal) {
        knownTotal = total;
        bar.setTotal(total);
      }
      // Without a total the bar's own total follows the count, so it never shows as overflowing.
      if (knownTotal === null) bar.setTotal(records);
      bar.update(records);
    },
    finish() {
      bar?.stop();
    },
  };
}

function plainProgress(stream: NodeJS.WritableStream): ImportProgress {
  let lastLine = 0;
  let last: CatalogReadProgress | null = null;
  const line = ({ records, total }: CatalogReadProgress) =>
    stream.write(total === null ? `read ${records} records\n` : `read ${records} of ${total} records\n`);
  return {
    onProgress(progress) {
      last = progress;
      const step = progress.total ? Math.max(1, Math.ceil(progress.total / 10)) : PLAIN_LINE_EVERY;
      if (progress.records - lastLine >= step) {
        lastLine = progress.records;
        line(progress);
      }
    },
    finish() {
      if (last && last.records !== lastLine) line(last);
    },
  };
}
