ALTER TABLE "teams" ADD COLUMN "company_type" text;
