-- The portal runs as its own role (placeholder runtime_role, by default the datasource user), not as the owner
-- that runs these migrations: the owner alone can alter tables, disable triggers or truncate. The runtime role
-- may only read and append to the audit log. Every later migration that adds a table grants it here-like.
revoke all on all tables in schema public from public;

grant select, insert on audit_log to "${runtime_role}";
grant usage on sequence audit_log_id_seq to "${runtime_role}";

grant select, insert, update on portal_user to "${runtime_role}";

grant select, insert, update on local_account to "${runtime_role}";
grant usage on sequence local_account_id_seq to "${runtime_role}";
grant select, insert, delete on local_account_grant to "${runtime_role}";
grant usage on sequence local_account_grant_id_seq to "${runtime_role}";

grant select, insert, update, delete on login_failure to "${runtime_role}";
grant select, insert, update, delete on portal_session to "${runtime_role}";
