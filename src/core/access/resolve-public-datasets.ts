import { changeAccessStatus } from "./access-change.js";
import type { AccessJobDeps } from "./access-deps.js";
import { toRequester } from "./access-messages.js";
import { resolvedDm } from "./access-notices.js";

/**
 * After a catalog sync: open requests for datasets that became public close with a note, the
 * requester is told (with the link) and the review cards say so. The caller passes the datasets
 * the sync changed; each is checked again here, so passing too many is harmless. Returns how many
 * requests were closed. Repeating it closes nothing twice (compare-and-set on the status).
 */
export async function resolveRequestsForPublicDatasets(
  deps: AccessJobDeps,
  communityId: string,
  datasetIds: readonly string[],
  now: Date,
): Promise<number> {
  if (datasetIds.length === 0) return 0;
  const open = await deps.accessRequests.openForDatasets(communityId, datasetIds);
  if (open.length === 0) return 0;
  const config = await deps.directory.config(communityId);
  const publicNow = new Map<string, boolean>();
  let closed = 0;
  for (const request of open) {
    let isPublic = publicNow.get(request.dataset.id);
    if (isPublic === undefined) {
      const dataset = await deps.datasetLookup.byId(communityId, request.dataset.id);
      isPublic = dataset?.accessLevel === "public";
      publicNow.set(request.dataset.id, isPublic);
    }
    if (!isPublic) continue;
    const resolved = await changeAccessStatus(
      deps,
      request,
      { to: "resolved_public", actorId: null, at: now },
      {
        action: "auto_resolved",
        actor: null,
        reason: "dataset became public",
        timezone: config.timezone,
        messages: (after, tx) =>
          toRequester(tx.directory, after, `access:${after.id}:resolved_public`, (t) => resolvedDm(t, after)),
      },
    );
    if (resolved) closed++;
  }
  return closed;
}
