/**
 * 0005 — sign-in sessions. A session is an opaque random token held by the
 * browser (cookie) or a client (Bearer header); the database keeps only its
 * sha256, so a copy of this table cannot be replayed as logins.
 */
export const name = 'sessions';

export const up = /* sql */ `
create table sessions (
  id           uuid primary key default gen_random_uuid(),
  user_id      uuid not null references users(id),
  token_hash   text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  created_at   timestamptz not null default now(),
  expires_at   timestamptz not null,
  last_seen_at timestamptz not null default now(),
  revoked_at   timestamptz,
  check (expires_at > created_at)
);
create index sessions_user_live_idx on sessions (user_id) where revoked_at is null;
comment on table sessions is
  'Sign-in sessions. token_hash is the lower-case hex sha256 of the random token given to the client; the token itself is never stored. A session is valid while revoked_at is null, expires_at is in the future and its user is not disabled; each use moves expires_at forward (sliding expiry, 12 hours). Logout, a password change and disabling the user set revoked_at; rows are never reused.';
`;
