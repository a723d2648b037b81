import type { TransactionStores, UnitOfWork } from "../../../src/core/ports/unit-of-work.js";

/**
 * Runs `fn` straight against the fakes. It does NOT roll back when `fn` throws: writes made
 * before the throw stay. Core tests that need all-or-nothing belong in the contract or store
 * tests, where SqlUnitOfWork runs a real transaction.
 */
export class InMemoryUnitOfWork implements UnitOfWork {
  /** How many units ran, to assert that a use case wrote in one transaction. */
  runs = 0;

  constructor(private readonly stores: TransactionStores) {}

  async run<T>(fn: (tx: TransactionStores) => Promise<T>): Promise<T> {
    this.runs++;
    return fn(this.stores);
  }
}
