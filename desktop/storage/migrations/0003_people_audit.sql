-- People, roles, approvals, change history, access grants, handovers and the audit log
-- (docs/domain.md, Roles; Accounts and login).
CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    user_name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name    TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN
                        ('salesperson', 'regional_manager', 'manager', 'custodian', 'administrator')),
    region          TEXT,
    password_hash   TEXT,             -- scrypt, "scrypt$n$r$p$salt_hex$hash_hex"; NULL in single-user mode
    active          INTEGER NOT NULL DEFAULT 1,
    must_change_password INTEGER NOT NULL DEFAULT 0,
    failed_logins   INTEGER NOT NULL DEFAULT 0,
    last_failed_at  TEXT,
    created_at      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1
);

-- One mechanism for every request that needs a decision (docs/domain.md, Approvals).
CREATE TABLE approvals (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL,    -- edit, delete, reassign, status, tier, access, handover, export, loan…
    target_type     TEXT,             -- customer, user, item, loan…
    target_id       INTEGER,
    payload         TEXT NOT NULL,    -- JSON: exactly what would change
    reason          TEXT NOT NULL,
    requested_by    TEXT NOT NULL,
    requested_at    TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending'
                        CHECK (state IN ('pending', 'approved', 'rejected', 'cancelled', 'applied', 'failed')),
    decided_by      TEXT,
    decided_at      TEXT,
    decision_note   TEXT,
    applied_at      TEXT,
    version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX approvals_state ON approvals(state, requested_at);
CREATE INDEX approvals_requester ON approvals(requested_by, requested_at);

-- Every applied change of a customer card, field by field (保留修改记录和修改原因).
CREATE TABLE change_log (
    id              INTEGER PRIMARY KEY,
    customer_id     INTEGER NOT NULL,  -- no foreign key: the record outlives a deleted card
    field           TEXT NOT NULL,
    old             TEXT,
    new             TEXT,
    by_user         TEXT NOT NULL,
    at              TEXT NOT NULL,
    reason          TEXT,
    approval_id     INTEGER REFERENCES approvals(id)
);
CREATE INDEX change_log_customer ON change_log(customer_id, at);

-- Access to a customer outside one's scope, granted by an approval, until it expires.
CREATE TABLE access_grants (
    id              INTEGER PRIMARY KEY,
    user_name       TEXT NOT NULL,
    customer_id     INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    approval_id     INTEGER NOT NULL REFERENCES approvals(id),
    expires_at      TEXT NOT NULL
);
CREATE INDEX access_grants_user ON access_grants(user_name, customer_id, expires_at);

CREATE TABLE handovers (
    id              INTEGER PRIMARY KEY,
    from_user       TEXT NOT NULL,
    to_user         TEXT NOT NULL,
    approval_id     INTEGER REFERENCES approvals(id),
    at              TEXT NOT NULL,
    items           TEXT NOT NULL     -- JSON: what moved (customer ids and archive numbers, loans)
);

-- Append-only; each entry carries the SHA-256 of the previous one (a tamper-evident chain).
CREATE TABLE audit_log (
    id              INTEGER PRIMARY KEY,
    at              TEXT NOT NULL,
    user_name       TEXT NOT NULL,
    computer        TEXT NOT NULL,
    action          TEXT NOT NULL,    -- login, view_sensitive, create, change, delete, export, print, …
    target_type     TEXT,
    target_id       TEXT,
    details         TEXT NOT NULL,    -- JSON
    prev_hash       TEXT NOT NULL,
    hash            TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_log_target ON audit_log(target_type, target_id);
CREATE INDEX audit_log_user ON audit_log(user_name, at);
CREATE INDEX audit_log_action ON audit_log(action, at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Visibility compares user names and regions like account names: without case (docs/domain.md,
-- Roles).
CREATE INDEX customers_responsible_nocase ON customers(responsible COLLATE NOCASE, sort_key);
CREATE INDEX customers_region_nocase ON customers(region COLLATE NOCASE, sort_key);
