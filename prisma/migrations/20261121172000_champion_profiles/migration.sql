-- Champions describe themselves (a short bio, how to reach them) for the champions directory,
-- and role changes, profile edits and community setup changes made in chat are audited like
-- access decisions (same append-only table and trigger, new actions).

-- AlterEnum (new values are appended; nothing in this migration uses them, so one transaction is fine)
ALTER TYPE "AuditAction" ADD VALUE 'role_granted';
ALTER TYPE "AuditAction" ADD VALUE 'role_revoked';
ALTER TYPE "AuditAction" ADD VALUE 'profile_updated';
ALTER TYPE "AuditAction" ADD VALUE 'setup_changed';

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN "bio" TEXT,
ADD COLUMN "contactNote" TEXT;
