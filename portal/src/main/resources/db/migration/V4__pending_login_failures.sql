-- Failed logins that FailureAggregator has counted for a summary row of the audit log but not summarised yet.
-- They live here rather than in a portal's memory, so a portal that is killed loses none: any portal's next
-- flush writes the rows that no portal has counted into for a failure window (see FailureAggregator).
create table pending_login_failure (
    instance      text not null,
    actor         text not null,
    action        text not null,
    target        text not null,
    reason        text not null,
    window_start  timestamptz not null,
    failures      integer not null check (failures > 0),
    sources       text[] not null default '{}',
    other_sources integer not null default 0,
    updated       timestamptz not null default now(),
    primary key (instance, actor, action, target, reason)
);
create index pending_login_failure_updated on pending_login_failure (updated);

grant select, insert, update, delete on pending_login_failure to "${runtime_role}";
