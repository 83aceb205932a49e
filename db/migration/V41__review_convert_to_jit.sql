-- A reviewer may convert standing access to just in time: the assignment is removed as for a revoke, and
-- an access rule lets the person request it (docs/architecture.md, reviews). Check constraints only: jOOQ's
-- generator does not need them and names them differently.
/* [jooq ignore start] */
alter table review_item drop constraint review_item_decision_check;
alter table review_item add constraint review_item_decision_check
    check (decision in ('KEEP', 'REVOKE', 'CONVERT_TO_JIT'));

alter table review_item_decision drop constraint review_item_decision_decision_check;
alter table review_item_decision add constraint review_item_decision_decision_check
    check (decision in ('KEEP', 'REVOKE', 'CONVERT_TO_JIT'));
/* [jooq ignore stop] */
