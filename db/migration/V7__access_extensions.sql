-- A request may extend an active grant instead of asking for a new one; approving it moves the grant's end.
alter table access_request add column extends_grant_id bigint references access_grant (id);
