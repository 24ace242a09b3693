-- AlterTable
ALTER TABLE "Team" ADD COLUMN "timezone" TEXT NOT NULL DEFAULT 'Etc/UTC';
