-- What the access ledger reported for an item's removal, for the evidence: AWS's request id of the latest
-- DeleteAccountAssignment for it, and when Identity Center confirmed the deletion.

alter table review_item add column aws_request_id varchar not null default '';
alter table review_item add column applied_at timestamp with time zone;
