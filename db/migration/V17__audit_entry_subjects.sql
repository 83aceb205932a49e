-- What an audit entry is about, in columns the audit screen filters on at ten million entries: the
-- account, the permission set (by name, as Identity Center shows it), the person the entry concerns,
-- the access request it belongs to (linking a request, its approvals, its grant and its AWS writes),
-- and AWS's request id for an AWS write.
alter table audit_entry add column account_id varchar;
alter table audit_entry add column permission_set varchar;
alter table audit_entry add column person varchar;
alter table audit_entry add column request_id bigint;
alter table audit_entry add column aws_request_id varchar;

/* [jooq ignore start] */
-- The hash covers the new fields too. An entry with none of them hashes as before, so the entries
-- chained before this migration still verify.
create or replace function audit_entry_bytes(e audit_entry) returns bytea language sql immutable as $$
    select convert_to(concat_ws(chr(31), e.seq::text,
            to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.actor, e.action,
            coalesce(e.subject, chr(1)), e.details, coalesce(e.source_address, chr(1)),
            case when num_nonnulls(e.account_id, e.permission_set, e.person, e.request_id, e.aws_request_id) > 0
                then concat_ws(chr(31), coalesce(e.account_id, chr(1)), coalesce(e.permission_set, chr(1)),
                        coalesce(e.person, chr(1)), coalesce(e.request_id::text, chr(1)),
                        coalesce(e.aws_request_id, chr(1)))
            end), 'UTF8')
$$;

-- Free text searches actor, subject and details at once ("contains", any case) through one trigram index.
create function audit_entry_text(e audit_entry) returns text language sql immutable as $$
    select lower(e.actor || chr(31) || coalesce(e.subject, '') || chr(31) || e.details)
$$;
create index audit_entry_text_trgm_idx on audit_entry using gin (audit_entry_text(audit_entry) gin_trgm_ops);
/* [jooq ignore stop] */

-- Newest first within each filter, so a filtered first page reads its 50 rows from one index. Person
-- matches by prefix of the actor or of the person concerned, in any case.
create index audit_entry_action_idx on audit_entry (action, occurred_at desc, id desc);
create index audit_entry_account_idx on audit_entry (account_id, occurred_at desc, id desc)
    where account_id is not null;
create index audit_entry_permission_set_idx on audit_entry (permission_set, occurred_at desc, id desc)
    where permission_set is not null;
create index audit_entry_request_idx on audit_entry (request_id) where request_id is not null;
/* [jooq ignore start] */
create index audit_entry_actor_idx on audit_entry (lower(actor) text_pattern_ops);
create index audit_entry_person_idx on audit_entry (lower(person) text_pattern_ops) where person is not null;
/* [jooq ignore stop] */
