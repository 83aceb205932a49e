-- Access review campaigns (docs/architecture.md, reviews): what is reviewed, by whom, by when. Items are V34.

create table review_campaign (
    id                   bigserial primary key,
    name                 varchar(120)             not null,
    description          varchar                  not null default '',
    status               varchar                  not null
        check (status in ('DRAFT', 'LAUNCHING', 'ACTIVE', 'CLOSED', 'CANCELLED')),
    -- Every account of the organization; otherwise the OU and account rows of review_campaign_scope.
    whole_organization   boolean                  not null,
    -- Identity Store user id of whoever decides when no stage finds a reviewer who may.
    fallback_reviewer_id varchar                  not null,
    due_at               timestamp with time zone not null,
    due_date_policy      varchar                  not null check (due_date_policy in ('KEEP', 'KEEP_AND_FLAG', 'REVOKE')),
    created_by           varchar                  not null,
    created_at           timestamp with time zone not null,
    launched_by          varchar                  not null default '',
    -- The population the launch snapshot: set when the campaign becomes ACTIVE.
    launched_at          timestamp with time zone,
    item_count           integer,
    direct_count         integer,
    group_count          integer,
    population_sha256    varchar
);

-- Each narrowing of the scope (dimensions combine with AND, values within one with OR) and each exclusion.
create table review_campaign_scope (
    campaign_id bigint  not null references review_campaign (id) on delete cascade,
    kind        varchar not null check (kind in ('OU', 'ACCOUNT', 'PERMISSION_SET', 'USER', 'GROUP',
                                                 'EXCLUDED_PERMISSION_SET', 'EXCLUDED_GROUP')),
    value       varchar not null,
    primary key (campaign_id, kind, value)
);

-- The reviewer stages in order: a keep at one stage passes the item to the next, a revoke at any is final.
create table review_stage (
    campaign_id   bigint  not null references review_campaign (id) on delete cascade,
    position      integer not null check (position >= 1),
    reviewer_kind varchar not null check (reviewer_kind in ('MANAGER', 'ACCOUNT_OWNER', 'PERMISSION_SET_OWNER',
                                                            'NAMED_PERSON', 'NAMED_GROUP')),
    -- The user or group id for NAMED_PERSON and NAMED_GROUP, '' for the others.
    principal_id  varchar not null default '',
    primary key (campaign_id, position)
);
