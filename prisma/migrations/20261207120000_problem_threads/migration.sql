-- One conversation per problem across platforms: where each problem card's thread lives, the
-- replies people write there (comments), and which bot-posted copy on another platform mirrors
-- which comment, so an edit or a delete can be followed on every side.

-- CreateTable
CREATE TABLE "ProblemThread" (
    "id" UUID NOT NULL,
    "problemId" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "channelId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProblemThread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProblemComment" (
    "id" UUID NOT NULL,
    "problemId" UUID NOT NULL,
    "authorPersonId" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "channelId" TEXT NOT NULL,
    "platformMessageId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMPTZ(3),
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ProblemComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommentMirror" (
    "id" UUID NOT NULL,
    "commentId" UUID NOT NULL,
    "threadId" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "anchorKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommentMirror_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProblemThread_platform_channelId_threadId_key" ON "ProblemThread"("platform", "channelId", "threadId");

-- CreateIndex
CREATE INDEX "ProblemThread_platform_threadId_idx" ON "ProblemThread"("platform", "threadId");

-- CreateIndex
CREATE INDEX "ProblemThread_problemId_idx" ON "ProblemThread"("problemId");

-- CreateIndex
CREATE UNIQUE INDEX "ProblemComment_platform_channelId_platformMessageId_key" ON "ProblemComment"("platform", "channelId", "platformMessageId");

-- CreateIndex
CREATE INDEX "ProblemComment_problemId_createdAt_idx" ON "ProblemComment"("problemId", "createdAt");

-- CreateIndex
CREATE INDEX "ProblemComment_authorPersonId_idx" ON "ProblemComment"("authorPersonId");

-- CreateIndex
CREATE UNIQUE INDEX "CommentMirror_anchorKey_key" ON "CommentMirror"("anchorKey");

-- CreateIndex
CREATE INDEX "CommentMirror_commentId_idx" ON "CommentMirror"("commentId");

-- AddForeignKey
ALTER TABLE "ProblemThread" ADD CONSTRAINT "ProblemThread_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemComment" ADD CONSTRAINT "ProblemComment_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemComment" ADD CONSTRAINT "ProblemComment_authorPersonId_fkey" FOREIGN KEY ("authorPersonId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentMirror" ADD CONSTRAINT "CommentMirror_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "ProblemComment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentMirror" ADD CONSTRAINT "CommentMirror_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "ProblemThread"("id") ON DELETE CASCADE ON UPDATE CASCADE;
