-- A campaign's signed-off evidence (docs/architecture.md, reviews): each file's name, SHA-256 and size, and
-- its bytes as hashed, so a later download is byte-identical to what the audit chain vouches for. Signed
-- off once, never changed.

create table review_evidence (
    campaign_id    bigint                   not null references review_campaign (id),
    kind           varchar                  not null check (kind in ('ITEMS_CSV', 'SUMMARY_HTML')),
    file_name      varchar                  not null,
    sha256         varchar                  not null,
    bytes          bigint                   not null,
    signed_off_by  varchar                  not null,
    signed_off_at  timestamp with time zone not null,
    primary key (campaign_id, kind)
);

-- The file's bytes in parts of at most 1 MiB, in order: written and read as a stream, whatever the
-- campaign's size. Written before the file's row above, which needs the hash of all of them.
create table review_evidence_part (
    campaign_id bigint  not null references review_campaign (id),
    kind        varchar not null check (kind in ('ITEMS_CSV', 'SUMMARY_HTML')),
    part        integer not null check (part >= 0),
    content     bytea   not null,
    primary key (campaign_id, kind, part)
);
