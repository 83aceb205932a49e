-- Retention: entries older than the configured period leave the trail from its start, oldest first, so
-- what remains is one unbroken chain. The anchor is the last entry removed, its seq and hash: the
-- remaining chain links to it as the first entries link to 32 zero bytes, and verification starts there.
create table audit_chain_anchor (
    singleton boolean primary key default true check (singleton),
    seq       bigint not null,
    hash      bytea  not null
);
/* [jooq ignore start] */
insert into audit_chain_anchor (seq, hash) values (0, decode(repeat('00', 32), 'hex'));

-- The only way entries leave: the oldest, up to entry up_to, all older than older_than, which must be
-- at least 30 days ago, so recent history cannot be pruned by mistake or on purpose. The anchor moves
-- in the same transaction; the delete trigger lets through only rows at or before the anchor, and only
-- while this function runs.
create function audit_prune(up_to bigint, older_than timestamptz) returns bigint language plpgsql as $$
declare
    anchor_hash bytea;
    removed     bigint;
begin
    if older_than > now() - interval '30 days' then
        raise exception 'Audit entries are kept at least 30 days; % is too recent', older_than
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

create or replace function audit_entry_refuse_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if current_setting('gatehouse.audit_pruning', true) = 'on'
                and old.seq <= (select seq from audit_chain_anchor) then
            return old;
        end if;
    end if;
    raise exception 'The audit trail is append-only: % on audit_entry refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;
/* [jooq ignore stop] */
