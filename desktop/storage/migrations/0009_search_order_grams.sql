-- One search order for every kind of query (storage/search.py, "Order"): a name's whole
-- initials are now an exact-name gram (zs finds 张三 as exactly as 张三 does). The cards
-- indexed before have no such gram: the index is rebuilt from the cards right after this step
-- (Archive._migrate, through the 'search_index_stale' setting, as in 0006).
INSERT INTO settings(key, value) VALUES ('search_index_stale', '1')
    ON CONFLICT(key) DO UPDATE SET value = '1';
