-- A campaign may hold its reviewers' revokes until it closes, so a decision can change until then
-- (docs/architecture.md, reviews: Applying a revoke).
alter table review_campaign add column revokes_at_close boolean not null default false;
