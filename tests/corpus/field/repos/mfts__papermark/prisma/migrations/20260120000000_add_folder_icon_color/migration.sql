-- AlterTable
ALTER TABLE "Folder" ADD COLUMN "icon" TEXT;
ALTER TABLE "Folder" ADD COLUMN "color" TEXT;

-- AlterTable
ALTER TABLE "DataroomFolder" ADD COLUMN "icon" TEXT;
ALTER TABLE "DataroomFolder" ADD COLUMN "color" TEXT;
