-- The audit trail. Rows are only ever appended; action names come from dev.gatehouse.audit.AuditAction
-- (no CHECK constraint, because every feature adds actions).
create table audit_entry (
    id             bigint generated always as identity primary key,
    occurred_at    timestamp with time zone not null,
    actor          varchar                  not null,
    action         varchar(64)              not null,
    subject        varchar,
    details        varchar                  not null default '',
    source_address varchar
);
create index audit_entry_occurred_at_idx on audit_entry (occurred_at desc, id desc);
