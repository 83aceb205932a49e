-- When a campaign's reviewers hear from Gatehouse (docs/architecture.md, reviews: reminders and escalation):
-- the reminder schedule, the overdue period and escalation, which messages go out, and each digest sent.

-- remind_days_before: the UTC days before the due date's day on which reviewers with undecided items get a
-- reminder (0 = the due day). overdue_days: how long after the due date the campaign stays open, overdue,
-- before the due-date policy applies. escalate_after_days: whole days overdue after which undecided items
-- move to the fallback reviewer, 0 = never. messages: which kinds of message go out (CampaignMessage).
-- created_by_id: the creator's Identity Store user id, who hears of the close; '' when their sign-in matched none.
alter table review_campaign
    add column remind_days_before  integer[] not null default '{7,1}',
    add column overdue_daily       boolean   not null default true,
    add column overdue_days        integer   not null default 0 check (overdue_days between 0 and 90),
    add column escalate_after_days integer   not null default 3 check (escalate_after_days between 0 and 90),
    add column messages            varchar[] not null default '{LAUNCH,REMINDER,OVERDUE,ESCALATION,CLOSE}',
    add column created_by_id       varchar   not null default '';

-- One digest per campaign, reviewer and UTC day, however many nodes or reruns try: the insert that wins
-- sends it, in the same transaction as the outbox rows. LAUNCH rows record the launch message as that day's.
create table review_digest (
    campaign_id   bigint                   not null references review_campaign (id) on delete cascade,
    reviewer_type varchar                  not null check (reviewer_type in ('USER', 'GROUP')),
    reviewer_id   varchar                  not null,
    day           date                     not null,
    kind          varchar                  not null check (kind in ('LAUNCH', 'REMINDER', 'OVERDUE', 'ESCALATION')),
    items         integer                  not null,
    sent_by       varchar                  not null,
    sent_at       timestamp with time zone not null,
    primary key (campaign_id, reviewer_type, reviewer_id, day)
);
