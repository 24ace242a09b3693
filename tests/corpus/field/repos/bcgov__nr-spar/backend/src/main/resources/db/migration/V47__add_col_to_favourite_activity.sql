ALTER TABLE
  spar.favourite_activity
ADD
  COLUMN is_consep BOOLEAN DEFAULT FALSE NOT NULL;
