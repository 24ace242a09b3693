-- AlterTable
ALTER TABLE "Brand" ADD COLUMN IF NOT EXISTS "banner" TEXT;

-- AlterTable
ALTER TABLE "Brand" ADD COLUMN IF NOT EXISTS "welcomeMessage" TEXT;

