-- Customer profile cards (docs/domain.md, The customer card; Tiers and lifecycle): the card,
-- contacts, follow-ups, transactions,
-- attachments, status and tier history, archive-number sequence, and the search index.
CREATE TABLE customers (
    id                  INTEGER PRIMARY KEY,
    archive_no          TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    -- basic information
    address TEXT, postcode TEXT, owner TEXT, legal_rep TEXT, founded TEXT, nature TEXT,
    industry TEXT, credit_code TEXT, registered_capital TEXT, business_scope TEXT,
    website TEXT, phone TEXT, fax TEXT, email TEXT, customer_type TEXT,
    -- characteristics
    revenue TEXT, employees INTEGER, purchasing_traits TEXT, needs TEXT, decision_maker TEXT,
    dm_hobbies TEXT, dm_preferences TEXT, dm_birthday TEXT, business_trend TEXT,
    service_area TEXT, growth_potential TEXT, philosophy TEXT,
    -- transactions block
    competitor_coop TEXT, coop_mode TEXT, payment_method TEXT, contract_no TEXT,
    churn_reason TEXT, credit_status TEXT, results_notes TEXT,
    -- the office's bookkeeping
    source TEXT, responsible TEXT, region TEXT, tags TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'prospect'
        CHECK (status IN ('prospect', 'followed_up', 'cooperating', 'lost')),
    tier TEXT NOT NULL DEFAULT 'C' CHECK (tier IN ('A', 'B', 'C')),
    tier_manual INTEGER NOT NULL DEFAULT 0,
    note TEXT,
    sort_key TEXT NOT NULL DEFAULT '',      -- pinyin of the name: Chinese names sort by reading
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX customers_sort ON customers(sort_key, id);
CREATE INDEX customers_status ON customers(status, sort_key);
CREATE INDEX customers_tier ON customers(tier, sort_key);
CREATE INDEX customers_region ON customers(region, sort_key);
CREATE INDEX customers_industry ON customers(industry, sort_key);
CREATE INDEX customers_responsible ON customers(responsible, sort_key);
CREATE INDEX customers_credit_code ON customers(credit_code) WHERE credit_code IS NOT NULL;
CREATE INDEX customers_phone ON customers(phone) WHERE phone IS NOT NULL;
CREATE INDEX customers_updated ON customers(updated_at);

-- Archive numbers are never reused: the counter only goes up, also after deletions.
CREATE TABLE archive_no_counter (
    period  TEXT PRIMARY KEY,     -- the part of the pattern the sequence restarts with (year)
    last    INTEGER NOT NULL
);

CREATE TABLE contacts (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    name TEXT NOT NULL, title TEXT, phone TEXT, mobile TEXT, fax TEXT, email TEXT,
    is_primary INTEGER NOT NULL DEFAULT 0,
    note TEXT,
    position INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX contacts_customer ON contacts(customer_id, position);

CREATE TABLE follow_ups (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    date        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('visit', 'call', 'mail', 'note')),
    summary     TEXT NOT NULL,
    by_user     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX follow_ups_customer ON follow_ups(customer_id, date);

CREATE TABLE transactions (
    id              INTEGER PRIMARY KEY,
    customer_id     INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    date            TEXT NOT NULL,
    mode            TEXT,
    amount          TEXT NOT NULL,          -- exact decimal as text (yuan)
    amount_fen      INTEGER NOT NULL,       -- the same in fen, for sums and ABC analysis
    payment_method  TEXT,
    contract_no     TEXT,
    note            TEXT,
    version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX transactions_customer ON transactions(customer_id, date);
CREATE INDEX transactions_date ON transactions(date);

CREATE TABLE attachments (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    file_name   TEXT NOT NULL,
    mime        TEXT NOT NULL,
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    data        BLOB NOT NULL,
    note        TEXT,
    added_at    TEXT NOT NULL,
    added_by    TEXT NOT NULL
);
CREATE INDEX attachments_customer ON attachments(customer_id);

CREATE TABLE status_history (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    old         TEXT,
    new         TEXT NOT NULL,
    reason      TEXT,
    by_user     TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX status_history_customer ON status_history(customer_id, at);

CREATE TABLE tier_history (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    old         TEXT,
    new         TEXT,
    manual      INTEGER NOT NULL,
    reason      TEXT,
    by_user     TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX tier_history_customer ON tier_history(customer_id, at);

CREATE TABLE saved_filters (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    definition  TEXT NOT NULL,            -- JSON
    created_by  TEXT NOT NULL
);

-- Search (docs/architecture.md, The search index). Trigram full-text over everything one searches
-- by, with the name's pinyin (full and initials); rowid = customer id.
CREATE VIRTUAL TABLE customer_fts USING fts5(
    name, archive_no, contacts, phones, address, tags, pinyin, initials,
    tokenize = 'trigram'
);
-- Trigrams need three characters: one- and two-character queries (张三, 上海, bj) use
-- this index of the 1- and 2-character pieces ("grams") of names, contact names, tags and
-- the name's pinyin initials; rowid = customer id. Each gram is stored once per customer, as
-- the hex of its UTF-8 bytes (one ASCII token whatever it holds), in the column of its
-- weight: whole_name (4: the whole name, any length), name_start (3: the name or its
-- initials start with it), name_part (2: elsewhere in them), other (1: a contact name or a
-- tag). FTS5 rather than a (gram, customer_id, weight) table: a tenth of the size (its
-- doclists are compressed: ~25 MB instead of ~165 MB with its by-customer index at 100 000
-- customers), AND of several grams built in, and deletion by rowid. desktop/storage/search.py
-- writes and reads it.
CREATE VIRTUAL TABLE customer_grams USING fts5(
    whole_name, name_start, name_part, other,
    content = '', contentless_delete = 1, detail = column, tokenize = 'ascii'
);
