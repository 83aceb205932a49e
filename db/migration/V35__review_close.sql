-- A campaign's life after launch (docs/architecture.md, reviews): who closed or cancelled it and when, and
-- what the due-date policy left on an undecided item.

alter table review_campaign
    add column ended_by varchar not null default '',
    add column ended_at timestamp with time zone;

-- UNDECIDED_AT_DUE_DATE: kept by the policy KEEP_AND_FLAG; NEEDS_CONFIRMATION: the policy REVOKE would have
-- removed the last admin-level access of its account, so the item waits, PENDING, for an admin to confirm.
alter table review_item
    add column flag varchar not null default '' check (flag in ('', 'UNDECIDED_AT_DUE_DATE', 'NEEDS_CONFIRMATION'));

create index review_item_campaign_status_idx on review_item (campaign_id, status);
