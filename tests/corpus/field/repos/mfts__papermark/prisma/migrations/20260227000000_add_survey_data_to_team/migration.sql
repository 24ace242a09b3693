-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "surveyData" JSONB;

