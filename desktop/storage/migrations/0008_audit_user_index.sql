-- The audit log is filtered by user without case (storage/audit.py, query), which this
-- index on the exact name never served; every save still had to write a page of it.
DROP INDEX IF EXISTS audit_log_user;
