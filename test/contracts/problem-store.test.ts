import { fakeProblemInventoryWorld, sqlProblemInventoryWorld } from "../support/problem-inventory-world.js";
import { problemStoreContract } from "./problem-store.contract.js";

problemStoreContract("in-memory fake", async () => fakeProblemInventoryWorld());
problemStoreContract("SQL", sqlProblemInventoryWorld);
