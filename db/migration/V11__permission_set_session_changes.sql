-- Session-duration changes an admin asked for, applied in the background: UpdatePermissionSet, then
-- ProvisionPermissionSet to every account the permission set is provisioned to.
create table permission_set_change (
    id                  bigint generated always as identity primary key,
    permission_set_arn  varchar     not null,
    permission_set_name varchar     not null,
    session_before      varchar     not null,
    session_after       varchar     not null,
    requested_by        varchar     not null,
    requested_at        timestamp with time zone not null,
    status              varchar(12) not null
        check (status in ('UPDATING', 'PROVISIONING', 'SUCCEEDED', 'FAILED')),
    attempts            int         not null default 0,
    detail              varchar     not null default '',
    finished_at         timestamp with time zone
);
create index permission_set_change_requested_idx on permission_set_change (requested_at desc, id desc);
