import type { AccessSlaSettings } from "../access/access-sla-settings.js";
import type {
  AccessRequestStore,
  AccessUnitOfWork,
  DatasetLookup,
  StewardDirectory,
} from "../access/ports.js";
import type { AccountLinks } from "../ports/account-links.js";
import type { AuditLog } from "../ports/audit-log.js";
import type { CatalogSourceReader } from "../ports/catalog-source.js";
import type { CatalogStore } from "../ports/catalog-store.js";
import type { ChannelAccess } from "../ports/channel-access.js";
import type { Clock } from "../ports/clock.js";
import type { CommunityDirectory } from "../ports/community-directory.js";
import type { DataMatchStore } from "../ports/data-match-store.js";
import type { DatasetSearch } from "../ports/dataset-search.js";
import type { DigestRunStore } from "../ports/digest-runs.js";
import type { DigestSource } from "../ports/digest-source.js";
import type { DigestSubscriptionStore } from "../ports/digest-subscriptions.js";
import type { FormDraftStore } from "../ports/form-drafts.js";
import type { Logger } from "../ports/logger.js";
import type { CommunityUnitOfWork, MembershipStore } from "../ports/membership-store.js";
import type { MetadataGapStore } from "../ports/metadata-gap-store.js";
import type { PeopleRepository } from "../ports/people-repository.js";
import type { ProblemStore } from "../ports/problem-store.js";
import type { ProblemThreadStore } from "../ports/problem-thread-store.js";
import type { ProcessedEvents } from "../ports/processed-events.js";
import type { ShowcaseStore } from "../ports/showcase-store.js";
import type { UnitOfWork } from "../ports/unit-of-work.js";
import type { UsageNoteStore } from "../ports/usage-note-store.js";
import type { WatchStore } from "../ports/watch-store.js";

/** Everything the core's use cases may call out to. main.ts picks the implementations. */
export interface CoreDeps {
  people: PeopleRepository;
  clock: Clock;
  logger: Logger;
  /** Imported catalogs: sync, list (catalog import/sync, the resync job). */
  catalogs: CatalogStore;
  /** Reads published catalogs (files, URLs) for import and resync. */
  catalogSources: CatalogSourceReader;
  /** Champions' usage notes and the dataset lookup behind them. */
  usageNotes: UsageNoteStore;
  /** Metadata questions the catalog could not answer (the answer engine records them). */
  metadataGaps: MetadataGapStore;
  /** Ranked dataset search behind questions (`ask`, free text) and the `dataset` command. */
  datasetSearch: DatasetSearch;
  /** Platform event ids already handled, so a retried or replayed event is answered once. */
  processedEvents: ProcessedEvents;
  /** Problems, votes, followers and their history (reads; writes that notify go through unitOfWork). */
  problems: ProblemStore;
  /** Form input kept between steps. */
  drafts: FormDraftStore;
  /** Community settings (channels, topics, limits, on-call) and who holds which role. */
  directory: CommunityDirectory;
  /** One-time codes joining a person's Slack and Discord accounts. */
  accountLinks: AccountLinks;
  /** Changes that must commit together with the messages they cause. */
  unitOfWork: UnitOfWork;
  /** Access requests, their routes and decisions (reads; writes go through accessUnitOfWork). */
  accessRequests: AccessRequestStore;
  /** The append-only record of every governed step. */
  auditLog: AuditLog;
  /** Stewards named for datasets, members by their contact email. */
  stewards: StewardDirectory;
  /** A current dataset by its datadesk id (buttons and requests carry ids). */
  datasetLookup: DatasetLookup;
  /** An access request's change, its audit entry and its messages commit together. */
  accessUnitOfWork: AccessUnitOfWork;
  /** Which weekly digests went out (reads; claims go through unitOfWork with the outbox message). */
  digestRuns: DigestRunStore;
  /** People's personal DM digest settings. */
  digestSubscriptions: DigestSubscriptionStore;
  /** What the weekly digest reports, one aggregated query per section (the digest and its preview). */
  digestSource: DigestSource;
  /** The access SLA as configured (DATADESK_ACCESS_*): the digest counts requests past it. */
  accessSla: AccessSlaSettings;
  /** Roles, champion levels, topics and profiles (reads; changes go through communityUnitOfWork). */
  memberships: MembershipStore;
  /** A role, profile or setup change and its audit entry commit together. */
  communityUnitOfWork: CommunityUnitOfWork;
  /** Showcases, their datasets and problems (reads; writes go through unitOfWork). */
  showcases: ShowcaseStore;
  /** People's watches of datasets, topics and words, and what a sync run tells them. */
  watches: WatchStore;
  /** New data suggested for open problems (reads; decisions go through unitOfWork). */
  dataMatches: DataMatchStore;
  /** Problem threads and their comments (reads; replies go through unitOfWork with their copies). */
  problemThreads: ProblemThreadStore;
  /** Whether the bot is in a channel setup names; absent where nobody can tell (console, tests). */
  channelAccess?: ChannelAccess;
}
