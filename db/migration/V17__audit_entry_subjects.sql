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

-- Free text: what a search looks in, in any case. A trigram index over it answered a rare term at ten
-- million entries in 0.2 to 0.5 s, since its trigrams are common ones; so a search reads the entries
-- holding the typed words from a word index, then keeps those holding the text as typed, on whole words.
create function audit_entry_text(e audit_entry) returns text language sql immutable as $$
    select lower(concat_ws(chr(31), e.actor, e.subject, e.details, e.account_id, e.permission_set, e.person,
            e.aws_request_id))
$$;

-- Its words: each run of letters and digits, so "OPS-1234" is "ops" and "1234", and an ARN its parts;
-- and its month in UTC, "ym202611", so a search can read a word's entries of the newest months first.
create function audit_entry_words(e audit_entry) returns tsvector language sql immutable as $$
    select to_tsvector('simple', regexp_replace(audit_entry_text(e), '[^[:alnum:]]+', ' ', 'g') || ' ym'
            || (extract(year from e.occurred_at at time zone 'UTC') * 100
                + extract(month from e.occurred_at at time zone 'UTC'))::int)
$$;
create index audit_entry_words_idx on audit_entry using gin (audit_entry_words(audit_entry));

-- The words of what a person typed to read from that index, as tsquery text; null when none is a word.
-- Words in more than 1% of entries (by the index's statistics) are left out when rarer ones remain:
-- checking each candidate against a common word's long list costs more than checking it against the
-- typed text, which every entry found must pass anyway.
create function audit_words_query(typed text) returns text language sql stable as $$
    with typed_word as (
        -- As the entry's words are made: the parser splits some runs further ("3e6" reads as a number).
        select lexeme as word
        from unnest(to_tsvector('simple', regexp_replace(typed, '[^[:alnum:]]+', ' ', 'g')))),
    common_word as (
        select word
        from pg_stats s,
             unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as common(word, frequency)
        where s.schemaname = current_schema() and s.tablename = 'audit_entry_words_idx' and frequency > 0.01),
    rare_word as (
        select word from typed_word t where not exists (select 1 from common_word c where c.word = t.word))
    select string_agg('''' || word || '''', ' & ' order by word)
    from (select word from rare_word union all
          select word from typed_word where not exists (select 1 from rare_word)) kept
$$;
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
