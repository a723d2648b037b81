-- Showcases and weekly digests each get a channel per connected workspace/guild. The digest's
-- day and hour live in Community.settings (JSON, zod-validated on read and write).

-- AlterTable
ALTER TABLE "CommunityPlatform" ADD COLUMN     "digestChannelId" TEXT,
ADD COLUMN     "showcaseChannelId" TEXT;
