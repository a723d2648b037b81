import { fakeProblemInventoryWorld, sqlProblemInventoryWorld } from "../support/problem-inventory-world.js";
import { accountLinksContract, formDraftStoreContract } from "./account-links.contract.js";

accountLinksContract("in-memory fake", async () => fakeProblemInventoryWorld());
accountLinksContract("SQL", sqlProblemInventoryWorld);
formDraftStoreContract("in-memory fake", async () => fakeProblemInventoryWorld());
formDraftStoreContract("SQL", sqlProblemInventoryWorld);
