import type { AccessTransactionStores, AccessUnitOfWork } from "../../../src/core/access/ports.js";

/**
 * Runs `fn` straight against the fakes (no rollback when it throws, like InMemoryUnitOfWork):
 * all-or-nothing is the SQL unit of work's job and belongs in store tests.
 */
export class InMemoryAccessUnitOfWork implements AccessUnitOfWork {
  runs = 0;

  constructor(private readonly stores: AccessTransactionStores) {}

  async run<T>(fn: (tx: AccessTransactionStores) => Promise<T>): Promise<T> {
    this.runs++;
    return fn(this.stores);
  }
}
