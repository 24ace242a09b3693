-- Creates an index on the documents table for the letter_id.
CREATE INDEX idx_documents_letter_id ON public.documents(letter_id);