/**
 * 0013 — hardening of sign-in: the failed-sign-in counter moves from each
 * process's memory into the database (login_attempts, shared by every app
 * process), and a session gets an absolute end besides its idle expiry.
 */
export const name = 'auth-hardening';

export const up = /* sql */ `
create table login_attempts (
  id       bigint generated always as identity primary key,
  login    text not null,
  address  text,
  at       timestamptz not null,
  outcome  text not null default 'pending' check (outcome in ('pending', 'failed', 'succeeded')),
  cleared  boolean not null default false
);
create index login_attempts_login_idx on login_attempts (login, at);
create index login_attempts_address_idx on login_attempts (address, at) where address is not null;
create index login_attempts_at_idx on login_attempts (at);
comment on table login_attempts is
  'Sign-in attempts, one row per password check, written BEFORE the (slow) check under a transaction-level advisory lock on the login and on the client address, so no more attempts than the limit can be checked at once, by any number of processes. login is what was typed (lower-cased; unknown logins too); address is the client address (null when signing in outside HTTP). outcome: pending (reserved, being checked, or the process died: counts as a failure), failed, succeeded. A login is locked while its un-cleared, not-succeeded attempts in the window reach the limit; an address likewise, whatever the login. A success sets cleared on the earlier attempts of that login (not of the address), so does an administrator''s password reset. Rows older than a day (or the window, if longer) are deleted at the next attempt.';

alter table sessions add column absolute_expires_at timestamptz;
update sessions set absolute_expires_at = created_at + interval '12 hours',
                    expires_at = least(expires_at, created_at + interval '12 hours');
alter table sessions alter column absolute_expires_at set not null;
alter table sessions add constraint sessions_idle_within_absolute check (expires_at <= absolute_expires_at);
comment on table sessions is
  'Sign-in sessions. token_hash is the lower-case hex sha256 of the random token given to the client; the token itself is never stored. A session is valid while revoked_at is null, expires_at and absolute_expires_at are in the future and its user is not disabled. expires_at is the idle expiry: each use moves it to (use + idle time), never past absolute_expires_at, which is fixed at sign-in (sign-in + maximum session length) and never moved. Logout, logout everywhere, a password change or reset and disabling the user set revoked_at; rows are never reused.';
`;
