-- An import is committed in short transactions (a fraction of a second each), so other
-- people's saves go on during a long import. The batch is marked finished in its last one:
-- a batch without finished_at was cut off (the program was killed) and is undone as far as
-- it went, from the import_rows committed with each part.
ALTER TABLE import_batches ADD COLUMN finished_at TEXT;
UPDATE import_batches SET finished_at = at;
