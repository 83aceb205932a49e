-- The person filter matches the start of a name. V17's indexes found the matching rows but not in time
-- order, so a busy person's first page sorted thousands of rows. These hold each name with its entries
-- newest first: a page reads the distinct names that match, in index order, then each name's newest
-- entries in order. The "C" collation gives byte order, in which a prefix is a range of the index.
/* [jooq ignore start] */
drop index audit_entry_actor_idx;
drop index audit_entry_person_idx;
create index audit_entry_actor_idx on audit_entry ((lower(actor) collate "C"), occurred_at desc, id desc);
create index audit_entry_person_idx on audit_entry ((lower(person) collate "C"), occurred_at desc, id desc)
    where person is not null;
/* [jooq ignore stop] */
