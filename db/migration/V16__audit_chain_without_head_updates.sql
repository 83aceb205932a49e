-- V15 updated the chain's head row for every entry. Inside one transaction every such update leaves
-- a row version the next must step over, so a bulk insert (an import, a benchmark) grew quadratic.
-- Now an advisory lock serialises appends, each entry links to the last one read through the seq
-- index (rows earlier in the same statement are visible to a BEFORE trigger), and the head row is
-- written once per statement. An entry still links to the head when the head is further on: entries
-- removed from the end then show as a gap before the next one.
/* [jooq ignore start] */
create or replace function audit_entry_link() returns trigger language plpgsql as $$
declare
    last_seq  bigint;
    last_hash bytea;
    head audit_chain_head;
begin
    perform pg_advisory_xact_lock(hashtext('gatehouse.audit_chain'));
    select seq, hash into last_seq, last_hash from audit_entry order by seq desc limit 1;
    select * into head from audit_chain_head;
    if last_seq is null or head.seq > last_seq then
        last_seq := head.seq;
        last_hash := head.hash;
    end if;
    new.seq := last_seq + 1;
    new.hash := sha256(last_hash || audit_entry_bytes(new));
    return new;
end
$$;

create function audit_chain_advance() returns trigger language plpgsql as $$
begin
    update audit_chain_head set (seq, hash) = (select seq, hash from appended order by seq desc limit 1)
    where exists (select from appended);
    return null;
end
$$;

create trigger audit_chain_advance after insert on audit_entry
    referencing new table as appended
    for each statement execute function audit_chain_advance();
/* [jooq ignore stop] */
