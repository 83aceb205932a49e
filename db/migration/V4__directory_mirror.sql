-- The mirror of the organization and Identity Center, replaced by each sync in one transaction so
-- that readers always see the last complete state.

create table directory_ou (
    id        varchar primary key,
    parent_id varchar not null,
    name      varchar not null,
    path      varchar not null,
    depth     int     not null
);
create index directory_ou_parent_idx on directory_ou (parent_id);

create table directory_account (
    id      varchar primary key,
    ou_id   varchar not null,
    name    varchar not null,
    email   varchar not null,
    status  varchar not null,
    ou_path varchar not null
);
create index directory_account_ou_idx on directory_account (ou_id);
/* [jooq ignore start] */
create index directory_account_name_idx on directory_account (lower(name));
/* [jooq ignore stop] */

create table directory_user (
    id           varchar primary key,
    user_name    varchar not null,
    display_name varchar not null,
    email        varchar not null,
    enabled      boolean not null,
    manager_id   varchar
);
/* [jooq ignore start] */
create index directory_user_user_name_idx on directory_user (lower(user_name));
/* [jooq ignore stop] */

create table directory_group (
    id           varchar primary key,
    display_name varchar not null,
    description  varchar not null
);

create table directory_group_member (
    group_id varchar not null,
    user_id  varchar not null,
    primary key (group_id, user_id)
);
create index directory_group_member_user_idx on directory_group_member (user_id);

create table directory_permission_set (
    arn                       varchar primary key,
    name                      varchar not null,
    description               varchar not null,
    session_duration          varchar not null,
    relay_state               varchar not null,
    managed_policies          varchar not null,
    customer_managed_policies varchar not null,
    inline_policy             varchar not null,
    permissions_boundary      varchar not null,
    tags                      varchar not null
);

create table directory_provisioned (
    account_id         varchar not null,
    permission_set_arn varchar not null,
    primary key (account_id, permission_set_arn)
);

create table directory_assignment (
    account_id         varchar not null,
    permission_set_arn varchar not null,
    principal_type     varchar not null check (principal_type in ('USER', 'GROUP')),
    principal_id       varchar not null,
    primary key (account_id, permission_set_arn, principal_type, principal_id)
);
create index directory_assignment_principal_idx on directory_assignment (principal_id);

create table directory_sync_run (
    id              bigint generated always as identity primary key,
    started_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    status          varchar(16)              not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    trigger         varchar(16)              not null check (trigger in ('STARTUP', 'SCHEDULE', 'MANUAL')),
    requested_by    varchar,
    phase           varchar                  not null default '',
    units           int                      not null default 0,
    accounts        int                      not null default 0,
    users           int                      not null default 0,
    groups          int                      not null default 0,
    memberships     int                      not null default 0,
    permission_sets int                      not null default 0,
    assignments     int                      not null default 0,
    added           int                      not null default 0,
    changed         int                      not null default 0,
    removed         int                      not null default 0,
    api_calls       varchar                  not null default '',
    error           varchar
);
create index directory_sync_run_started_idx on directory_sync_run (started_at desc);
