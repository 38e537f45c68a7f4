-- The foundation: the schema record, archive settings and the sessions of people who have it open.
CREATE TABLE schema_migrations (
    version     INTEGER PRIMARY KEY,
    applied_at  TEXT NOT NULL,
    program     TEXT NOT NULL
);

CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE sessions (
    id            INTEGER PRIMARY KEY,
    user_name     TEXT NOT NULL,
    computer      TEXT NOT NULL,
    pid           INTEGER NOT NULL,
    program       TEXT NOT NULL,
    started_at    TEXT NOT NULL,
    heartbeat_at  TEXT NOT NULL
);
CREATE INDEX sessions_heartbeat ON sessions(heartbeat_at);
