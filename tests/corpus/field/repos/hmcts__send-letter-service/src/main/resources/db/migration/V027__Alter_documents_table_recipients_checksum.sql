ALTER TABLE IF EXISTS documents ADD COLUMN recipients_checksum varchar(256);
