-- Removing a person from a group for a revoked GROUP item, and what the next sync says about each removal
-- (docs/architecture.md, reviews).

-- One row per GROUP item whose revoke asks the Identity Store to remove the membership, written with the
-- decision, before any call: the review-membership-removal task works from it and may run it again.
create table review_membership_removal (
    item_id      bigint primary key references review_item (id) on delete cascade,
    group_id     varchar                  not null,
    user_id      varchar                  not null,
    requested_at timestamp with time zone not null,
    -- Calls started, counted before each call, so a crash mid-call still shows in the count.
    attempts     integer                  not null default 0,
    last_error   varchar                  not null default '',
    -- REMOVED: deleted by Gatehouse; ALREADY_GONE: nothing to delete; IDP: the group comes from an IdP.
    outcome      varchar check (outcome in ('REMOVED', 'ALREADY_GONE', 'IDP')),
    finished_at  timestamp with time zone
);

alter table review_item
    -- When the item became REMOVED, so a sync that began before it does not judge it.
    add column removed_at           timestamp with time zone,
    -- The sync that no longer saw the access: "confirmed by sync at" in the evidence.
    add column confirmed_at         timestamp with time zone,
    add column confirmed_by_sync    bigint,
    -- The last sync that still saw a removed item's access.
    add column still_present_sync   bigint,
    -- Why the person under review is no longer an ordinary member of the directory: deleted or disabled.
    add column person_left          varchar not null default '';
