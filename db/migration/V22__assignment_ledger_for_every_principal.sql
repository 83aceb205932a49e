-- One assignment ledger for every Identity Center write (docs/architecture.md, the ledger): user and
-- group principals, and writes caused by a grant or by a named decision (a review, an admin's removal).
-- Every existing row is a grant's write for a user.

alter table access_assignment rename column user_id to principal_id;
alter table access_assignment add column principal_type varchar(5) not null default 'USER';
alter table access_assignment alter column principal_type drop default;
/* [jooq ignore start] */
alter table access_assignment add constraint access_assignment_principal_type_check
    check (principal_type in ('USER', 'GROUP'));
alter table access_assignment drop constraint access_assignment_pkey;
alter table access_assignment add primary key (account_id, permission_set_arn, principal_type, principal_id);
/* [jooq ignore stop] */

alter table access_ledger rename column user_id to principal_id;
alter table access_ledger add column principal_type varchar(5) not null default 'USER';
alter table access_ledger alter column principal_type drop default;
alter table access_ledger alter column grant_id drop not null;
alter table access_ledger add column decision_id varchar;
alter table access_ledger add column decided_by varchar not null default '';
/* [jooq ignore start] */
alter table access_ledger add constraint access_ledger_principal_type_check
    check (principal_type in ('USER', 'GROUP'));
-- A row is a grant's or a decision's, never both, never neither.
alter table access_ledger add constraint access_ledger_cause_check
    check ((grant_id is null) <> (decision_id is null));
-- WAITING: a decided removal waits for the last live grant on the assignment to end.
alter table access_ledger drop constraint access_ledger_status_check;
alter table access_ledger add constraint access_ledger_status_check
    check (status in ('WAITING', 'SENDING', 'IN_PROGRESS', 'SUCCEEDED', 'FAILED'));
-- Only a grant's rows may be SKIP; a decision is always a real write.
alter table access_ledger add constraint access_ledger_decision_write_check
    check (decision_id is null or operation in ('CREATE', 'DELETE'));
/* [jooq ignore stop] */
create unique index access_ledger_decision_idx on access_ledger (decision_id);
create index access_ledger_waiting_idx on access_ledger (account_id, permission_set_arn, principal_type, principal_id)
    where status = 'WAITING';
