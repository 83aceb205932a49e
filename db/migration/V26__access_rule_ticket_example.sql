-- A ticket like the rule's pattern asks for, shown to requesters in words ("like OPS-123") instead of
-- the regular expression. Rules saved before have none; saving a rule with a pattern now needs one.
alter table access_rule add column ticket_example varchar(40) not null default '';
