-- AlterTable
ALTER TABLE "Domain" ADD COLUMN     "redirectUrl" TEXT;
