-- MFA policy on access rules; a request keeps what its rule said about approving when it was sent.
alter table access_rule add column mfa_to_request boolean not null default false;
alter table access_rule add column mfa_to_approve boolean not null default false;
alter table access_request add column mfa_to_approve boolean not null default false;

-- Second factors people enrolled for step-up, by sign-in name (lower case).
create table mfa_factor (
    id             bigint generated always as identity primary key,
    subject        varchar      not null,
    -- finds the person in the directory, to tell them when an admin resets their factors
    directory_user_name varchar not null,
    kind           varchar(8)   not null check (kind in ('TOTP', 'WEBAUTHN')),
    label          varchar      not null,
    -- TOTP: the shared secret, and the last time step accepted (a code is never accepted twice)
    totp_secret    varchar,
    totp_last_step bigint,
    -- WebAuthn: the credential id (base64url), its attested credential data and signature counter
    credential_id  varchar unique,
    credential     bytea,
    sign_count     bigint,
    created_at     timestamp with time zone not null,
    last_used_at   timestamp with time zone
);
create index mfa_factor_subject_idx on mfa_factor (subject);

-- One-time recovery codes, stored as SHA-256 hashes; a used code stays, marked, so it is refused.
create table mfa_recovery_code (
    subject   varchar not null,
    code_hash varchar not null,
    used_at   timestamp with time zone,
    primary key (subject, code_hash)
);

-- Consecutive wrong codes per person; at the limit, step-up is locked until locked_until.
create table mfa_attempt (
    subject      varchar primary key,
    failures     int not null,
    locked_until timestamp with time zone
);

-- Successful step-ups, per sign-in: a verification counts only for the session that made it.
create table mfa_verification (
    sign_in_id  varchar primary key,
    subject     varchar not null,
    verified_at timestamp with time zone not null,
    factor      varchar not null
);
