-- AlterTable
ALTER TABLE "Dataroom" ADD COLUMN     "internalName" TEXT;
