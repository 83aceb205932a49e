-- Just-in-time access (docs/architecture.md, Access): the rules that say who may request what and who approves,
-- the requests and their approvals, the grants, and the ledger of every Identity Center write.

create table access_rule (
    id                      bigint generated always as identity primary key,
    name                    varchar      not null,
    requester_type          varchar(8)   not null check (requester_type in ('EVERYONE', 'USER', 'GROUP')),
    requester_id            varchar      not null default '',
    requester_label         varchar      not null,
    scope_type              varchar(12)  not null check (scope_type in ('ORGANIZATION', 'OU', 'ACCOUNT')),
    scope_id                varchar      not null default '',
    scope_label             varchar      not null,
    permission_set_arn      varchar      not null,
    permission_set_name     varchar      not null,
    max_duration_minutes    int          not null check (max_duration_minutes between 15 and 10080),
    default_duration_minutes int         not null,
    justification_required  boolean      not null,
    ticket_pattern          varchar      not null default '',
    future_start_allowed    boolean      not null,
    approvals_required      int          not null check (approvals_required between 0 and 5),
    approver_type           varchar(8)   not null check (approver_type in ('NONE', 'USER', 'GROUP', 'MANAGER')),
    approver_id             varchar      not null default '',
    approver_label          varchar      not null,
    pending_timeout_minutes int          not null check (pending_timeout_minutes between 5 and 20160),
    updated_at              timestamp with time zone not null,
    updated_by              varchar      not null,
    check (default_duration_minutes between 15 and max_duration_minutes),
    check ((approvals_required = 0) = (approver_type = 'NONE'))
);
create index access_rule_permission_set_idx on access_rule (permission_set_arn);

create table access_request (
    id                   bigint generated always as identity primary key,
    requester_id         varchar      not null,
    requester_name       varchar      not null,
    account_id           varchar      not null,
    account_name         varchar      not null,
    permission_set_arn   varchar      not null,
    permission_set_name  varchar      not null,
    rule_id              bigint       not null,
    duration_minutes     int          not null,
    starts_at            timestamp with time zone,
    justification        varchar      not null,
    ticket               varchar      not null,
    approvals_required   int          not null,
    -- who approves, copied from the rule at submission; for MANAGER, approver_id is the manager then
    approver_type        varchar(8)   not null check (approver_type in ('NONE', 'USER', 'GROUP', 'MANAGER')),
    approver_id          varchar      not null,
    approval_summary     varchar      not null,
    status               varchar(12)  not null
        check (status in ('PENDING', 'APPROVED', 'DENIED', 'CANCELLED', 'EXPIRED')),
    created_at           timestamp with time zone not null,
    pending_until        timestamp with time zone not null,
    decided_at           timestamp with time zone,
    decided_by           varchar      not null default '',
    decision_comment     varchar      not null default ''
);
create index access_request_requester_idx on access_request (requester_id, created_at desc);
create index access_request_pending_idx on access_request (approver_id, created_at) where status = 'PENDING';

create table access_approval (
    request_id    bigint       not null references access_request (id),
    approver_id   varchar      not null,
    approver_name varchar      not null,
    approved      boolean      not null,
    comment       varchar      not null,
    decided_at    timestamp with time zone not null,
    primary key (request_id, approver_id)
);

create table access_grant (
    id                 bigint generated always as identity primary key,
    request_id         bigint       not null unique references access_request (id),
    user_id            varchar      not null,
    account_id         varchar      not null,
    permission_set_arn varchar      not null,
    starts_at          timestamp with time zone not null,
    ends_at            timestamp with time zone not null,
    status             varchar(12)  not null
        check (status in ('SCHEDULED', 'ACTIVATING', 'ACTIVE', 'ENDING', 'ENDED', 'REVOKED', 'FAILED')),
    failure_reason     varchar      not null default '',
    ended_by           varchar      not null default '',
    end_reason         varchar      not null default '',
    activated_at       timestamp with time zone,
    ended_at           timestamp with time zone
);
create index access_grant_triple_idx on access_grant (account_id, permission_set_arn, user_id, status);
create index access_grant_user_idx on access_grant (user_id, status);

-- Whether Gatehouse created the assignment for a (account, permission set, user): a standing one that
-- existed before is never deleted.
create table access_assignment (
    account_id         varchar not null,
    permission_set_arn varchar not null,
    user_id            varchar not null,
    owned              boolean not null,
    primary key (account_id, permission_set_arn, user_id)
);

-- Every Identity Center write, recorded before it is made.
create table access_ledger (
    id                 bigint generated always as identity primary key,
    grant_id           bigint       not null references access_grant (id),
    operation          varchar(8)   not null check (operation in ('CREATE', 'DELETE', 'SKIP')),
    account_id         varchar      not null,
    permission_set_arn varchar      not null,
    user_id            varchar      not null,
    status             varchar(12)  not null
        check (status in ('SENDING', 'IN_PROGRESS', 'SUCCEEDED', 'FAILED')),
    aws_request_id     varchar      not null default '',
    attempts           int          not null default 0,
    detail             varchar      not null default '',
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null
);
create index access_ledger_grant_idx on access_ledger (grant_id);
