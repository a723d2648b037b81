import type { Translate } from "../i18n/translator.js";
import type { Actor } from "../people/roles.js";
import type { CommunitySummary } from "../ports/people-repository.js";
import type { PlatformIdentity } from "../shared/platform.js";
import type { CoreDeps } from "./core-deps.js";

/** What every use case handler gets: who is asking, in which language, with which deps. */
export interface RequestContext {
  deps: CoreDeps;
  identity: PlatformIdentity;
  actor: Actor;
  community: CommunitySummary;
  t: Translate;
}
