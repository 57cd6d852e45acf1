-- PeeringDB session tokens are stored sealed (AES-256-GCM, key ZTIX_TOKEN_ENCRYPTION_KEY, bound to the row):
-- v1:<key id>:<base64url(nonce || ciphertext || tag)>. Rows written before held the tokens in clear text; they
-- are deleted, so those users log in with PeeringDB again (local-account sessions hold no tokens and stay).
delete from portal_session where tokens is not null;

comment on column portal_session.tokens is 'OIDC tokens of a PeeringDB session, sealed (never clear text)';
alter table portal_session add constraint portal_session_tokens_sealed
    check (tokens is null or tokens ~ '^v1:[0-9a-f]{8}:[A-Za-z0-9_-]+$');
