-- SAML assertion ids already accepted, kept until the assertion expires, so a captured response
-- cannot sign anyone in a second time on any node.
create table saml_assertion_replay (
    assertion_id varchar                  not null primary key,
    expires_at   timestamp with time zone not null
);
create index saml_assertion_replay_expires_at_idx on saml_assertion_replay (expires_at);
