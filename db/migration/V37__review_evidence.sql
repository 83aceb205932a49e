-- A campaign's signed-off evidence (docs/architecture.md, reviews): each file's bytes as hashed, so a later
-- download is byte-identical to what the audit chain's SHA-256 vouches for. Signed off once, never changed.

create table review_evidence (
    campaign_id    bigint                   not null references review_campaign (id),
    kind           varchar                  not null check (kind in ('ITEMS_CSV', 'SUMMARY_HTML')),
    file_name      varchar                  not null,
    sha256         varchar                  not null,
    bytes          bigint                   not null,
    content        bytea                    not null,
    signed_off_by  varchar                  not null,
    signed_off_at  timestamp with time zone not null,
    primary key (campaign_id, kind)
);
