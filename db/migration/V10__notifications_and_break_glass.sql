-- Notifications: every message to send, one row per channel and recipient, written from an event in the
-- listener's transaction. The dedupe key makes a re-delivered event enqueue nothing new.
create table notification_delivery (
    id          bigint generated always as identity primary key,
    dedupe_key  varchar     not null unique,
    kind        varchar(20) not null,
    channel     varchar(8)  not null check (channel in ('EMAIL', 'SLACK', 'WEBHOOK')),
    recipient   varchar     not null,
    subject     varchar     not null,
    body        text        not null,
    payload     text        not null,
    status      varchar(8)  not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts    int         not null default 0,
    last_error  varchar     not null default '',
    created_at  timestamp with time zone not null,
    sent_at     timestamp with time zone
);
create index notification_delivery_created_idx on notification_delivery (created_at desc, id desc);
create index notification_delivery_failed_idx on notification_delivery (created_at desc, id desc)
    where status = 'FAILED';

-- The end a "15 minutes left" message was sent for; an extension moves ends_at and earns a new one.
alter table access_grant add column ending_soon_for timestamp with time zone;

-- Break-glass: an emergency rule grants at once without approval; the approvers it names are told, not asked.
alter table access_rule add column emergency boolean not null default false;
/* [jooq ignore start] */
alter table access_rule drop constraint access_rule_check1;
alter table access_rule add constraint access_rule_approvers_check
    check (approvals_required = 0 and (emergency or approver_type = 'NONE')
        or approvals_required > 0 and not emergency and approver_type <> 'NONE');
/* [jooq ignore stop] */

alter table access_request add column break_glass boolean not null default false;
alter table access_request add column followed_up_at timestamp with time zone;
alter table access_request add column followed_up_by varchar not null default '';
alter table access_request add column follow_up_note varchar not null default '';
create index access_request_follow_up_idx on access_request (created_at desc)
    where break_glass and followed_up_at is null;
