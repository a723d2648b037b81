import { accessStoresContract } from "./access-stores.contract.js";
import { fakeAccessWorld, sqlAccessWorld } from "./access-world.js";

accessStoresContract("in-memory fake", async () => fakeAccessWorld());
accessStoresContract("SQL", sqlAccessWorld);
