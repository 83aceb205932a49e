-- The minute-by-minute check for requests nobody decided in time, and the list of everyone's current
-- access (soonest end first), read only the few rows that are still open.
create index access_request_pending_until_idx on access_request (pending_until) where status = 'PENDING';
create index access_grant_current_idx on access_grant (ends_at, id)
    where status in ('SCHEDULED', 'ACTIVATING', 'ACTIVE', 'ENDING');
