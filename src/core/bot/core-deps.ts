import type { Clock } from "../ports/clock.js";
import type { Logger } from "../ports/logger.js";
import type { PeopleRepository } from "../ports/people-repository.js";

/** Everything the core's use cases may call out to. main.ts picks the implementations. */
export interface CoreDeps {
  people: PeopleRepository;
  clock: Clock;
  logger: Logger;
}
