-- The weekly digest reads a week of activity out of a community's whole history (100k problems,
-- 1M votes): each section starts from the week's rows through one of these time indexes, so a
-- digest costs what the week holds, not what the community ever did.

-- CreateIndex
CREATE INDEX "Problem_communityId_createdAt_idx" ON "Problem"("communityId", "createdAt");

-- CreateIndex: votes cast in a window, grouped by problem from the index alone.
CREATE INDEX "ProblemVote_createdAt_problemId_idx" ON "ProblemVote"("createdAt", "problemId");

-- CreateIndex: status changes and first responses in a window.
CREATE INDEX "ProblemEvent_kind_createdAt_idx" ON "ProblemEvent"("kind", "createdAt");

-- CreateIndex: datasets linked to problems in a window.
CREATE INDEX "ProblemDataset_createdAt_idx" ON "ProblemDataset"("createdAt");

-- CreateIndex: metadata gaps asked about in a window.
CREATE INDEX "MetadataGap_lastAskedAt_idx" ON "MetadataGap"("lastAskedAt");

-- CreateIndex: access decisions and first responses in a window.
CREATE INDEX "AuditEntry_communityId_at_idx" ON "AuditEntry"("communityId", "at");
