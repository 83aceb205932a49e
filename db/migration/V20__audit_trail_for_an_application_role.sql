-- Gatehouse now runs as an application role that owns nothing (README, Database roles): it may read the
-- trail and append to it, and the functions below run as the owner where an append or a prune must write
-- what that role may not. Each has a fixed search_path, so no object the application role makes (a
-- temporary table or function) can stand in for one they use.
/* [jooq ignore start] */

-- How old an entry must be before audit_prune removes it. The owner's connection writes it from
-- GATEHOUSE_AUDIT_RETENTION at each start; null keeps every entry. Until then, the old fixed floor.
create table audit_retention_policy (
    singleton   boolean primary key default true check (singleton),
    minimum_age interval check (minimum_age >= interval '30 days')
);
insert into audit_retention_policy (minimum_age) values (interval '30 days');

alter function audit_entry_link() security definer set search_path = ${flyway:defaultSchema}, pg_temp;
alter function audit_chain_advance() security definer set search_path = ${flyway:defaultSchema}, pg_temp;
alter function audit_entry_refuse_change() set search_path = ${flyway:defaultSchema}, pg_temp;

-- As in V18, with the minimum age read from the policy rather than fixed: a caller may ask to remove
-- less, never more.
create or replace function audit_prune(up_to bigint, older_than timestamptz) returns bigint
    language plpgsql security definer set search_path = ${flyway:defaultSchema}, pg_temp as $$
declare
    minimum_age interval := (select p.minimum_age from audit_retention_policy p);
    anchor_hash bytea;
    removed     bigint;
begin
    if minimum_age is null then
        raise exception 'Audit entries are kept forever: no retention is configured'
            using errcode = 'insufficient_privilege';
    end if;
    if older_than > now() - minimum_age then
        raise exception 'Audit entries are kept at least %; % is too recent', justify_hours(minimum_age), older_than
            using errcode = 'insufficient_privilege';
    end if;
    perform pg_advisory_xact_lock(hashtext('gatehouse.audit_chain'));
    if exists (select from audit_entry where seq <= up_to and occurred_at >= older_than) then
        raise exception 'Entries up to % are not all older than %', up_to, older_than
            using errcode = 'check_violation';
    end if;
    select hash into anchor_hash from audit_entry where seq = up_to;
    if anchor_hash is null then
        return 0;
    end if;
    update audit_chain_anchor set (seq, hash) = (up_to, anchor_hash);
    perform set_config('gatehouse.audit_pruning', 'on', true);
    delete from audit_entry where seq <= up_to;
    get diagnostics removed = row_count;
    perform set_config('gatehouse.audit_pruning', 'off', true);
    return removed;
end
$$;
-- Granted to the application role by name after each migration (ApplicationRoleGrants).
revoke execute on function audit_prune(bigint, timestamptz) from public;
/* [jooq ignore stop] */
