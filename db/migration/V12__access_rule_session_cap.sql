-- A rule may count the AWS session in its longest access: grants then end a session-length earlier.
alter table access_rule add column session_capped boolean not null default false;
