-- AlterTable
ALTER TABLE "LinkPreset" ADD COLUMN "showBanner" BOOLEAN DEFAULT false;
