-- "Sign out everywhere": sessions of this person that began before revoked_at end at their next request,
-- on whichever node they live.
create table session_revocation (
    subject    varchar primary key,
    revoked_at timestamp with time zone not null,
    revoked_by varchar not null
);
