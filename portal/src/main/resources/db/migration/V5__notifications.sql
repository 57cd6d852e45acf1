-- Notifications outbox: one row per (request, event, channel, recipient), written by whichever portal replica
-- sees the JoinRequest change first (the unique key makes the others' inserts no-ops, also after a restart
-- replays the informer's list), delivered by whichever replica picks it (for update skip locked), retried with
-- back-off. Subject and body are rendered when the row is written, in the recipient's language.
create table notification (
    id              bigserial primary key,
    request_uid     text not null,
    request_name    text not null,
    event           text not null,
    channel         text not null check (channel in ('email', 'webhook')),
    recipient       text not null,
    language        text not null,
    subject         text not null,
    body            text not null,
    created_at      timestamptz not null default now(),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    delivered_at    timestamptz,
    failed_at       timestamptz,
    last_error      text,
    unique (request_uid, event, channel, recipient)
);
create index notification_due on notification (next_attempt_at) where delivered_at is null and failed_at is null;
create index notification_created on notification (created_at desc);

-- The language a requester used when submitting, for the e-mails about that request
create table request_language (
    request_name text primary key,
    language     text not null,
    at           timestamptz not null default now()
);

-- The portal's runtime role (V3): it writes, claims and marks notifications and remembers languages; no deletes.
grant select, insert, update on notification to "${runtime_role}";
grant usage on sequence notification_id_seq to "${runtime_role}";
grant select, insert, update on request_language to "${runtime_role}";
