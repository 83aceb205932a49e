-- The directory screens search with "contains" (ILIKE '%text%') and sort by name or email, at up to
-- 100,000 users and 5,000 accounts: trigram indexes for the searches, btree indexes for the orders.
-- pg_trgm is a trusted extension: the owner of the database may create it.

/* [jooq ignore start] */
create extension if not exists pg_trgm;
create index directory_user_display_name_trgm_idx on directory_user using gin (display_name gin_trgm_ops);
create index directory_user_user_name_trgm_idx on directory_user using gin (user_name gin_trgm_ops);
create index directory_user_email_trgm_idx on directory_user using gin (email gin_trgm_ops);
create index directory_account_name_trgm_idx on directory_account using gin (name gin_trgm_ops);
create index directory_account_ou_path_trgm_idx on directory_account using gin (ou_path gin_trgm_ops);
drop index directory_account_name_idx;
drop index directory_user_user_name_idx;
/* [jooq ignore stop] */

create index directory_user_display_name_sort_idx on directory_user (display_name, id);
create index directory_user_user_name_sort_idx on directory_user (user_name, id);
create index directory_user_email_sort_idx on directory_user (email, id);
create index directory_account_name_sort_idx on directory_account (name, id);
create index directory_account_ou_path_sort_idx on directory_account (ou_path, id);
create index directory_group_display_name_sort_idx on directory_group (display_name, id);
create index directory_provisioned_permission_set_idx on directory_provisioned (permission_set_arn);
