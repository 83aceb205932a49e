-- Gatehouse's own assignment writes show in the mirror as soon as AWS reports them done
-- (docs/architecture.md, the directory). An assignment Gatehouse created has no first sighting until a
-- sync sees it.
alter table directory_assignment alter column first_seen drop not null;

-- The last write Gatehouse made to each assignment, by the database's clock, kept until a sync that
-- started after it has applied: a sync that read Identity Center before the write must not undo it.
create table directory_assignment_write (
    account_id         varchar                  not null,
    permission_set_arn varchar                  not null,
    principal_type     varchar                  not null check (principal_type in ('USER', 'GROUP')),
    principal_id       varchar                  not null,
    present            boolean                  not null,
    written_at         timestamp with time zone not null,
    primary key (account_id, permission_set_arn, principal_type, principal_id)
);
