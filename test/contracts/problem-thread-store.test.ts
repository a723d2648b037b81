import { fakeProblemInventoryWorld, sqlProblemInventoryWorld } from "../support/problem-inventory-world.js";
import { problemThreadStoreContract } from "./problem-thread-store.contract.js";

problemThreadStoreContract("in-memory fake", async () => fakeProblemInventoryWorld());
problemThreadStoreContract("SQL", sqlProblemInventoryWorld);
