-- Recurring campaigns, templates and "new since last review" (docs/architecture.md, reviews: recurrence and
-- templates).

-- A recurring campaign's series: occurrence 1 is the campaign an admin launched, each later one its own
-- campaign created and launched by the review-recurrence check. next_occurrence and next_starts_at move on in
-- the transaction that creates that occurrence; the unique (series_id, occurrence) on review_campaign makes
-- a second one for the same period impossible, whatever reruns or nodes try.
create table review_series (
    id              bigserial primary key,
    name            varchar(120)             not null,
    recurrence      varchar                  not null
        check (recurrence in ('MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY')),
    first_starts_at timestamp with time zone not null,
    first_due_at    timestamp with time zone not null check (first_due_at > first_starts_at),
    next_occurrence integer                  not null check (next_occurrence >= 2),
    next_starts_at  timestamp with time zone not null,
    stopped_by      varchar                  not null default '',
    stopped_at      timestamp with time zone
);

create index review_series_next_idx on review_series (next_starts_at);

alter table review_campaign
    add column recurrence varchar not null default 'ONCE'
        check (recurrence in ('ONCE', 'MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY')),
    add column series_id  bigint references review_series (id),
    add column occurrence integer check (occurrence >= 1),
    add constraint review_campaign_one_per_occurrence unique (series_id, occurrence);

-- Set at launch on an item of a later occurrence whose access was not among the previous occurrence's items.
alter table review_item
    add column new_since_last_review boolean not null default false;

-- A campaign's settings to start new ones from: scope, stages, fallback, due-date policy, timing, recurrence
-- and the review period in days, as JSON that only Gatehouse writes (review.internal.TemplateRepository).
create table review_template (
    id         bigserial primary key,
    name       varchar(120)             not null unique,
    settings   varchar                  not null,
    saved_by   varchar                  not null,
    saved_at   timestamp with time zone not null
);
