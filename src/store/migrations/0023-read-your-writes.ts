/**
 * 0023 — read-your-writes with a read replica: a session remembers the WAL
 * position (LSN, as text 'X/Y') of its user's last successful write, set only
 * when a replica is configured (DATABASE_READ_URL). A read that may go to the
 * replica goes there only once the replica has replayed that position
 * (src/store replica.ts); until then it is served by the primary.
 */
export const name = 'read-your-writes';

export const up = /* sql */ `
alter table sessions add column last_write_lsn text check (last_write_lsn ~ '^[0-9A-F]{1,8}/[0-9A-F]{1,8}$');
comment on column sessions.last_write_lsn is
  'WAL position (pg_current_wal_lsn) after the last successful write request of this session, written only when a read replica is configured; reads of this session are served by the primary until the replica has replayed it (read-your-writes).';
`;
