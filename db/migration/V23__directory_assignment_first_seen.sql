-- Since when the sync has seen each assignment, for the access inventory: a sync inserts only the
-- assignments that are new and leaves the others' time alone. Those already mirrored get the migration's time.
alter table directory_assignment add column first_seen timestamp with time zone not null default current_timestamp;
-- The inventory of one permission set reads its assignments without walking every account's.
create index directory_assignment_permission_set_idx on directory_assignment (permission_set_arn);
