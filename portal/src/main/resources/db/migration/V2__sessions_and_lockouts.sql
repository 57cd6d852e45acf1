-- Failed local logins per (account, client address): a lockout holds for that address only, so nobody can lock
-- a known user out from everywhere by failing on purpose.
create table login_failure (
    account_id   bigint not null references local_account (id) on delete cascade,
    source       text not null check (length(source) <= 64),
    failures     integer not null default 0,
    locked_until timestamptz,
    last_failure timestamptz not null default now(),
    primary key (account_id, source)
);
create index login_failure_last on login_failure (last_failure);

-- The account-wide lockout is replaced by the per-address one above
alter table local_account drop column failed_attempts, drop column locked_until;

-- Server-side sessions: a cookie carries only a random session id (its SHA-256 is stored), so logging out,
-- resetting a password or disabling an account ends every copy of a session at once.
create table portal_session (
    id_hash    text primary key check (id_hash ~ '^[0-9a-f]{64}$'),
    kind       text not null check (kind in ('local', 'peeringdb')),
    account_id bigint references local_account (id) on delete cascade,
    tokens     text,
    created_at timestamptz not null default now(),
    last_seen  timestamptz not null default now(),
    expires_at timestamptz not null,
    check ((kind = 'local') = (account_id is not null))
);
create index portal_session_account on portal_session (account_id);
create index portal_session_expires on portal_session (expires_at);
