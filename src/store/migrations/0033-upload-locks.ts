/**
 * 0033 — the tus lock of a resumable upload in the database (src/ingest
 * db-locker.ts), for installations whose uploads live in the S3 bucket: the
 * web processes then share no disk, so the lock cannot be a file beside the
 * upload. One lease row per upload being written.
 */
export const name = 'upload-locks';

export const up = /* sql */ `
create table upload_locks (
  upload_id         text primary key,
  holder            text not null,
  leased_until      timestamptz not null,
  release_requested boolean not null default false
);
comment on table upload_locks is
  'Locks of resumable (tus) uploads held by a web process while it writes one upload, so two requests never write the same upload at once, whichever process each reached. One row per locked upload: holder is a random token of the holding request; leased_until is moved forward by the holder every 10 s to 30 s ahead (database time); a row whose lease has passed belongs to a dead process and is taken over by the next request. release_requested is set by a request waiting for the lock: the holder then lets go (tus asks the older request, e.g. a half-open connection, to stop). The holder deletes its row when done.';
`;
