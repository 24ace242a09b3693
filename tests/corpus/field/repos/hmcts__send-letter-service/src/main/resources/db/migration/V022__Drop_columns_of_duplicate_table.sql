ALTER TABLE duplicates
    DROP COLUMN file_content,
    DROP COLUMN is_encrypted,
    DROP COLUMN encryption_key_fingerprint;

