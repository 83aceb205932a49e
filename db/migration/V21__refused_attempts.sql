-- Refused sign-ins and failed step-ups per source address, in fixed windows, shared by every node: past the
-- configured number in one window, that address is turned away until the window ends.
create table refused_attempt (
    kind           varchar(16)              not null check (kind in ('SIGN_IN', 'STEP_UP')),
    source_address varchar(64)              not null,
    window_start   timestamp with time zone not null,
    refusals       integer                  not null,
    primary key (kind, source_address, window_start)
);
create index refused_attempt_window_start_idx on refused_attempt (window_start);
