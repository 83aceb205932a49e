-- What a campaign reviews besides standing assignments (docs/architecture.md, reviews): who may request what
-- under an access rule, group memberships that carry assignments, and break-glass activations awaiting
-- follow-up. Each item names its kind and what it is about; the launch counts each kind.

alter table review_campaign add column item_kinds varchar[] not null default '{STANDING}';
alter table review_campaign add column eligibility_count integer;
alter table review_campaign add column membership_count integer;
alter table review_campaign add column break_glass_count integer;

alter table review_item add column kind varchar not null default 'STANDING'
    check (kind in ('STANDING', 'ELIGIBILITY', 'MEMBERSHIP', 'BREAK_GLASS'));
-- The access rule's id for ELIGIBILITY, the break-glass request's id for BREAK_GLASS, '' otherwise.
alter table review_item add column subject_id varchar not null default '';
-- What the item is about in one line: the rule and how the person is eligible, what the group gives, the activation.
alter table review_item add column about varchar not null default '';

-- Check and unique constraints only: jOOQ's generator does not need them and names them differently.
/* [jooq ignore start] */
alter table review_item drop constraint review_item_held_check;
alter table review_item add constraint review_item_held_check check (held in ('DIRECT', 'GROUP', 'EVERYONE'));

alter table review_item drop constraint review_item_status_check;
alter table review_item add constraint review_item_status_check
    check (status in ('PENDING', 'DECIDED', 'APPLYING', 'REMOVED', 'FAILED', 'WAITING_FOR_IDP', 'WAITING_FOR_ADMIN',
                      'CONFIRMED'));

-- Two rules may name the same permission set and scope: an item is also its kind and subject.
do $$
declare
    name text;
begin
    select conname into name from pg_constraint where conrelid = 'review_item'::regclass and contype = 'u';
    execute format('alter table review_item drop constraint %I', name);
end
$$;
alter table review_item add constraint review_item_unique_key
    unique (campaign_id, kind, subject_id, account_id, permission_set_arn, person_id, held, group_id);
/* [jooq ignore stop] */
