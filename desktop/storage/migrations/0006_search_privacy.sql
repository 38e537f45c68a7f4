-- The search index keeps what a searcher may not see apart (issue: every role through every
-- door). For a private person (customer_type 'individual') the address, the phone and fax
-- numbers and the e-mail addresses of the customer and of its contacts are sensitive
-- personal data: a search may only match them for someone who may see them unmasked, else
-- finding a customer by a value reveals it one guess at a time. They move to the columns
-- p_contacts, p_phones and p_address, which desktop/storage/search.py queries only for the
-- customers whose sensitive fields the searcher sees. Companies' values stay where they were.
--
-- The index is rebuilt from the cards right after this step (Archive._migrate, through the
-- 'search_index_stale' setting, so an interrupted upgrade rebuilds at the next opening).
DROP TABLE customer_fts;
CREATE VIRTUAL TABLE customer_fts USING fts5(
    name, archive_no, contacts, phones, address, tags, pinyin, initials,
    p_contacts, p_phones, p_address,
    tokenize = 'trigram'
);
INSERT INTO customer_grams(customer_grams) VALUES ('delete-all');
INSERT INTO settings(key, value) VALUES ('search_index_stale', '1')
    ON CONFLICT(key) DO UPDATE SET value = '1';
