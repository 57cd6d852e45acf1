-- Users who logged in with PeeringDB
create table portal_user (
    peeringdb_id bigint primary key,
    name         text,
    email        text,
    first_login  timestamptz not null default now(),
    last_login   timestamptz not null default now()
);

-- Local accounts (for members without PeeringDB access); only password hashes are stored
create table local_account (
    id              bigserial primary key,
    username        text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
    display_name    text not null,
    email           text,
    password_hash   text not null,
    admin           boolean not null default false,
    disabled        boolean not null default false,
    failed_attempts integer not null default 0,
    locked_until    timestamptz,
    last_login      timestamptz,
    created_at      timestamptz not null default now()
);

-- Which ASNs (optionally only which networks) a local account may act for
create table local_account_grant (
    id          bigserial primary key,
    account_id  bigint not null references local_account (id) on delete cascade,
    asn         bigint not null check (asn between 1 and 4294967294),
    network_ref text
);
create unique index local_account_grant_unique on local_account_grant (account_id, asn, coalesce(network_ref, ''));

-- Append-only audit log
create table audit_log (
    id      bigserial primary key,
    at      timestamptz not null default now(),
    actor   text not null,
    action  text not null,
    target  text,
    details text
);
create index audit_log_at on audit_log (at desc);
create index audit_log_action on audit_log (action);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();
