import type { TransactionStores, UnitOfWork } from "../../../src/core/ports/unit-of-work.js";

/**
 * Runs `fn` straight against the fakes. It does NOT roll back when `fn` throws: writes made
 * before the throw stay. Core tests that need all-or-nothing belong in the contract or store
 * tests, where SqlUnitOfWork runs a real transaction.
 *
 * It does catch the mistake a fake would otherwise hide: using a store from CoreDeps (not the
 * one `fn` was given) while the unit runs. On PGlite, which has one connection, that query waits
 * for the transaction and the transaction waits for it: the request hangs forever. Stores
 * wrapped with `guardOutsideUnits` (unit-guard.ts) throw instead.
 */
export class InMemoryUnitOfWork implements UnitOfWork {
  /** How many units ran, to assert that a use case wrote in one transaction. */
  runs = 0;
  /** Units running now. */
  active = 0;

  constructor(private readonly stores: TransactionStores) {}

  async run<T>(fn: (tx: TransactionStores) => Promise<T>): Promise<T> {
    this.runs++;
    this.active++;
    try {
      return await fn(this.stores);
    } finally {
      this.active--;
    }
  }
}
