import { fakeProblemInventoryWorld, sqlProblemInventoryWorld } from "../support/problem-inventory-world.js";
import { communityDirectoryContract } from "./community-directory.contract.js";

communityDirectoryContract("in-memory fake", async () => fakeProblemInventoryWorld());
communityDirectoryContract("SQL", sqlProblemInventoryWorld);
