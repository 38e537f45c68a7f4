-- The archive register (档案借阅登记簿, docs/domain.md, The archive register): the items a custodian
-- keeps, the loans of
-- them in both directions, the queue of reservations and the renewals. The rules of the
-- flow live in desktop/domain/loans.py; the one rule that must hold whoever writes to the
-- file (two custodians handing out the same item at the same moment) is enforced here.
CREATE TABLE items (
    id              INTEGER PRIMARY KEY,
    -- What a label carries and a scanner types; a customer's dossier has its archive number.
    item_no         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind            TEXT NOT NULL CHECK (kind IN
                        ('dossier', 'sample', 'equipment', 'document', 'customer_material')),
    description     TEXT NOT NULL,
    value_class     TEXT NOT NULL DEFAULT 'ordinary' CHECK (value_class IN ('ordinary', 'valuable')),
    -- The register outlives a deleted card: the link is cleared, the item and its loans stay.
    customer_id     INTEGER REFERENCES customers(id) ON DELETE SET NULL,
    shelf_location  TEXT,
    custodian       TEXT,             -- user name; NULL: whoever holds the custodian role
    -- Where the item is: in store (available), lent out, lost, back damaged (in store, not
    -- lent until repaired), or a customer's material not (or no longer) in our custody.
    state           TEXT NOT NULL DEFAULT 'available'
                        CHECK (state IN ('available', 'out', 'lost', 'damaged', 'with_owner')),
    note            TEXT,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX items_customer ON items(customer_id);
CREATE INDEX items_kind ON items(kind, item_no);

CREATE TABLE loans (
    id              INTEGER PRIMARY KEY,
    item_id         INTEGER NOT NULL REFERENCES items(id),
    -- lent_out: the item leaves the custodian; taken_in: a customer's material is received
    -- into custody, to be given back ("out" then means "held by us", "returned" given back).
    direction       TEXT NOT NULL DEFAULT 'lent_out' CHECK (direction IN ('lent_out', 'taken_in')),
    borrower        TEXT NOT NULL,    -- a user name, a department or an outside party
    borrower_kind   TEXT NOT NULL DEFAULT 'colleague'
                        CHECK (borrower_kind IN ('colleague', 'department', 'outside')),
    purpose         TEXT NOT NULL,
    wanted_from     TEXT NOT NULL,    -- ISO dates
    wanted_until    TEXT NOT NULL,
    due             TEXT NOT NULL,    -- wanted_until, moved by approved renewals
    state           TEXT NOT NULL DEFAULT 'requested' CHECK (state IN
                        ('requested', 'approved', 'rejected', 'cancelled', 'out', 'returned',
                         'lost', 'damaged')),
    approval_id     INTEGER REFERENCES approvals(id),
    requested_by    TEXT NOT NULL,
    requested_at    TEXT NOT NULL,
    decided_by      TEXT,
    decided_at      TEXT,
    decision_note   TEXT,
    handed_out_by   TEXT,
    handed_out_at   TEXT,
    condition_out   TEXT,
    returned_at     TEXT,
    received_by     TEXT,
    condition_in    TEXT,
    reservation_id  INTEGER,          -- the queue place this loan came from, if any
    note            TEXT,
    updated_at      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1
);
-- An item is never out twice (in one direction): this index makes the second hand-out fail
-- inside the database, whichever computer commits it.
CREATE UNIQUE INDEX loans_one_out ON loans(item_id, direction) WHERE state = 'out';
CREATE INDEX loans_item ON loans(item_id, requested_at);
CREATE INDEX loans_state_due ON loans(state, due);
CREATE INDEX loans_borrower ON loans(borrower COLLATE NOCASE, requested_at);
CREATE INDEX loans_requester ON loans(requested_by COLLATE NOCASE, requested_at);

-- The queue for an item that is out: first come, first served.
CREATE TABLE reservations (
    id              INTEGER PRIMARY KEY,
    item_id         INTEGER NOT NULL REFERENCES items(id),
    borrower        TEXT NOT NULL,
    borrower_kind   TEXT NOT NULL DEFAULT 'colleague'
                        CHECK (borrower_kind IN ('colleague', 'department', 'outside')),
    purpose         TEXT NOT NULL,
    wanted_until    TEXT,
    created_by      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    -- waiting → ready (the item came back and this is first in line) → fulfilled (a loan
    -- was requested from it) or cancelled.
    state           TEXT NOT NULL DEFAULT 'waiting'
                        CHECK (state IN ('waiting', 'ready', 'fulfilled', 'cancelled')),
    ready_at        TEXT,
    loan_id         INTEGER REFERENCES loans(id),
    version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX reservations_queue ON reservations(item_id, state, id);

-- Renewals are approvals (kind loan_renewal); this keeps what each one moved.
CREATE TABLE loan_renewals (
    id              INTEGER PRIMARY KEY,
    loan_id         INTEGER NOT NULL REFERENCES loans(id),
    old_due         TEXT NOT NULL,
    new_due         TEXT NOT NULL,
    approval_id     INTEGER REFERENCES approvals(id),
    by_user         TEXT NOT NULL,
    at              TEXT NOT NULL
);
CREATE INDEX loan_renewals_loan ON loan_renewals(loan_id, at);

-- Every customer already in the archive gets its dossier (new cards get one when created).
-- OR IGNORE: two hand-typed archive numbers that differ only in case share one item number.
INSERT OR IGNORE INTO items(item_no, kind, description, customer_id, state, created_at, created_by, updated_at)
SELECT archive_no, 'dossier', name, id, 'available', created_at, created_by, created_at
FROM customers ORDER BY id;
