-- Session durations were ISO-8601 text (PT8H) that every reader parsed again, and a value that did not
-- parse quietly meant "no session" to one reader and "the shortest" to another. They are intervals (day to second) now,
-- read as java.time.Duration. A value that is no ISO-8601 duration of days and time (empty, garbage,
-- or one with years or months, which no Duration holds) becomes NULL: "not known", said explicitly, and
-- every reader decides in code what an unknown session means. A change's duration after is the
-- exception: Gatehouse wrote each one from a Duration it had checked, so it always reads, and one that
-- does not stops this migration rather than being guessed.

/* [jooq ignore start] */
create function gatehouse_iso_session(iso varchar) returns interval language plpgsql immutable as $$
declare
    parsed interval;
begin
    if iso is null or iso !~ '^P' then
        return null;
    end if;
    parsed := iso::interval;
    if extract(year from parsed) <> 0 or extract(month from parsed) <> 0 then
        return null;
    end if;
    return parsed;
exception when others then
    return null;
end $$;

alter table directory_permission_set
    alter column session_duration drop not null,
    alter column session_duration type interval day to second using gatehouse_iso_session(session_duration);
alter table permission_set_change
    alter column session_before drop not null,
    alter column session_before type interval day to second using gatehouse_iso_session(session_before),
    alter column session_after type interval day to second using session_after::interval;
drop function gatehouse_iso_session(varchar);
/* [jooq ignore stop] */

-- The same columns as jOOQ's generator sees them; it reads no conversion above. No-ops in PostgreSQL.
alter table directory_permission_set alter column session_duration drop not null;
alter table directory_permission_set alter column session_duration type interval day to second;
alter table permission_set_change alter column session_before drop not null;
alter table permission_set_change alter column session_before type interval day to second;
alter table permission_set_change alter column session_after type interval day to second;
