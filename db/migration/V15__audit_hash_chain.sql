-- Tamper evidence for the audit trail. Each entry gets seq, its place in one gap-free chain, and hash,
-- SHA-256 over the previous entry's hash and this entry's fields. A trigger assigns both, under a lock
-- on the chain's head row, so appends from every node form one chain in commit order. Another trigger
-- refuses UPDATE, DELETE and TRUNCATE for every role; only someone who can alter the table can get
-- past it, and verification then finds the first broken link.
alter table audit_entry add column seq bigint;
alter table audit_entry add column hash bytea;

-- The last link: its seq and hash. One row.
create table audit_chain_head (
    singleton boolean primary key default true check (singleton),
    seq       bigint not null,
    hash      bytea  not null
);

/* [jooq ignore start] */
-- The bytes an entry's hash covers: every field, separated by the unit separator, null as NUL.
create function audit_entry_bytes(e audit_entry) returns bytea language sql immutable as $$
    select convert_to(concat_ws(chr(31), e.seq::text,
            to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.actor, e.action,
            coalesce(e.subject, chr(1)), e.details, coalesce(e.source_address, chr(1))), 'UTF8')
$$;

create function audit_entry_link() returns trigger language plpgsql as $$
declare
    head audit_chain_head;
begin
    select * into head from audit_chain_head for update;
    new.seq := head.seq + 1;
    new.hash := sha256(head.hash || audit_entry_bytes(new));
    update audit_chain_head set seq = new.seq, hash = new.hash;
    return new;
end
$$;

create function audit_entry_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'The audit trail is append-only: % on audit_entry refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

-- Entries written before the chain existed are linked in id order; the chain starts from 32 zero bytes.
insert into audit_chain_head (seq, hash) values (0, decode(repeat('00', 32), 'hex'));
do $$
declare
    e audit_entry;
    head audit_chain_head;
begin
    for e in select * from audit_entry order by id loop
        select * into head from audit_chain_head;
        e.seq := head.seq + 1;
        e.hash := sha256(head.hash || audit_entry_bytes(e));
        update audit_entry set seq = e.seq, hash = e.hash where id = e.id;
        update audit_chain_head set seq = e.seq, hash = e.hash;
    end loop;
end
$$;

create trigger audit_entry_link before insert on audit_entry
    for each row execute function audit_entry_link();
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_refuse_change();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_refuse_change();
/* [jooq ignore stop] */

alter table audit_entry alter column seq set not null;
alter table audit_entry alter column hash set not null;
create unique index audit_entry_seq_idx on audit_entry (seq);
