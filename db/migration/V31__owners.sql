-- Owners of accounts and permission sets (docs/architecture.md, owners): read from an AWS tag, or set in
-- Gatehouse by an admin, which wins over the tag.

-- The value of the owner tag (gatehouse.directory.owner-tag-key) as the last sync read it; '' when the
-- account or permission set has no such tag. Resolved to a person or group when read, so a person who
-- joins later or a renamed group is picked up without another sync.
alter table directory_account add column owner_tag varchar not null default '';
alter table directory_permission_set add column owner_tag varchar not null default '';

-- Owners set in Gatehouse. Not part of the mirror: a sync never replaces them.
create table directory_owner (
    resource_kind  varchar                  not null check (resource_kind in ('ACCOUNT', 'PERMISSION_SET')),
    resource_id    varchar                  not null,
    principal_type varchar                  not null check (principal_type in ('USER', 'GROUP')),
    principal_id   varchar                  not null,
    set_by         varchar                  not null,
    set_at         timestamp with time zone not null,
    primary key (resource_kind, resource_id)
);

/* [jooq ignore start] */
create index directory_group_lower_display_name_idx on directory_group (lower(display_name));
/* [jooq ignore stop] */
