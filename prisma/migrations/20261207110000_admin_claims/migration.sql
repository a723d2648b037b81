-- The first admin: `datadesk start` on a community with no admin issues a one-time claim code and
-- prints it; the first person to send it to the bot in chat becomes admin. Only the code's SHA-256
-- is kept (the log line is the one place the code exists), one live code per community: a new
-- start replaces it, and taking it deletes the row, so a code works once.

-- CreateTable
CREATE TABLE "AdminClaim" (
    "communityId" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdminClaim_pkey" PRIMARY KEY ("communityId")
);

-- AddForeignKey
ALTER TABLE "AdminClaim" ADD CONSTRAINT "AdminClaim_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;
