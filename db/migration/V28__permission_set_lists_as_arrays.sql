-- A permission set's managed policies and customer-managed policy references were newline-joined text,
-- and its tags "key=value" lines, split again by every reader (a tag key may hold "=" itself). They are
-- arrays and a JSON object now. Empty text becomes an empty array or object, never NULL; a tag line
-- without "=" becomes a key with an empty value.

/* [jooq ignore start] */
create function gatehouse_tags(lines varchar) returns jsonb language sql immutable as $$
    select coalesce(jsonb_object_agg(split_part(line, '=', 1),
                                     case when strpos(line, '=') = 0 then '' else substr(line, strpos(line, '=') + 1) end),
                    '{}'::jsonb)
    from unnest(string_to_array(nullif(lines, ''), E'\n')) as line
$$;

alter table directory_permission_set
    alter column managed_policies type varchar[]
        using coalesce(string_to_array(nullif(managed_policies, ''), E'\n'), '{}'),
    alter column customer_managed_policies type varchar[]
        using coalesce(string_to_array(nullif(customer_managed_policies, ''), E'\n'), '{}'),
    alter column tags type jsonb using gatehouse_tags(tags);
drop function gatehouse_tags(varchar);
/* [jooq ignore stop] */

-- The same columns as jOOQ's generator sees them; it reads no conversion above. No-ops in PostgreSQL.
alter table directory_permission_set alter column managed_policies type varchar[];
alter table directory_permission_set alter column customer_managed_policies type varchar[];
alter table directory_permission_set alter column tags type jsonb;
