-- The items a launch snapshot from the access inventory (docs/architecture.md, reviews): one per person,
-- account, permission set and way of holding it, with the names as they were at launch.

create table review_item (
    id                  bigserial primary key,
    campaign_id         bigint                   not null references review_campaign (id),
    account_id          varchar                  not null,
    account_name        varchar                  not null,
    ou_path             varchar                  not null,
    permission_set_arn  varchar                  not null,
    permission_set_name varchar                  not null,
    person_id           varchar                  not null,
    person_name         varchar                  not null,
    held                varchar                  not null check (held in ('DIRECT', 'GROUP')),
    -- The group it is held through for GROUP, '' for DIRECT.
    group_id            varchar                  not null default '',
    group_name          varchar                  not null default '',
    -- When a sync first saw the assignment; null for one Gatehouse made since the last sync.
    first_seen          timestamp with time zone,
    stage               integer                  not null check (stage >= 1),
    -- Who decides at this stage: a person, any member of a group except the person under review, or
    -- nobody (the fallback is the person under review) until an admin reassigns the item.
    reviewer_type       varchar                  not null check (reviewer_type in ('USER', 'GROUP', 'NOBODY')),
    reviewer_id         varchar                  not null,
    reviewer_name       varchar                  not null,
    -- Why the fallback reviewer decides, '' when the stage's own reviewer does.
    reviewer_note       varchar                  not null default '',
    status              varchar                  not null check (status in ('PENDING', 'DECIDED', 'APPLYING', 'REMOVED',
                                                                            'FAILED', 'WAITING_FOR_IDP', 'CONFIRMED')),
    decision            varchar check (decision in ('KEEP', 'REVOKE')),
    comment             varchar                  not null default '',
    decided_by          varchar                  not null default '',
    decided_at          timestamp with time zone,
    -- What applying a revoke says now: AWS's failure, the grant it waits for, the step left to an admin.
    apply_detail        varchar                  not null default '',
    updated_at          timestamp with time zone not null,
    unique (campaign_id, account_id, permission_set_arn, person_id, held, group_id)
);

create index review_item_reviewer_idx on review_item (reviewer_type, reviewer_id, id);

-- Every decision on an item, each stage's and each change, for the evidence.
create table review_item_decision (
    id          bigserial primary key,
    item_id     bigint                   not null references review_item (id) on delete cascade,
    stage       integer                  not null,
    decision    varchar                  not null check (decision in ('KEEP', 'REVOKE')),
    comment     varchar                  not null,
    decided_by  varchar                  not null,
    decided_at  timestamp with time zone not null
);

create index review_item_decision_item_idx on review_item_decision (item_id);
