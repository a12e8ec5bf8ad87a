/**
 * 0014 — the line a book and its records go through (src/entry/lifecycle.ts,
 * src/archive/book-status.ts): the book statuses of the whole line
 * (inventoried → scanning → keying → checking → accepted → exported →
 * loaded), a copy-book flag (sổ lưu / bản sao: the same identity as another
 * book, on purpose), and export_changes: every change to a registration
 * after its book's export was signed off, which makes that export stale and
 * is what the next export lists as changed since.
 */
export const name = 'lifecycle';

export const up = /* sql */ `
alter table books drop constraint if exists books_status_check;
alter table books add constraint books_status_check
  check (status in ('inventoried', 'scanning', 'scanned', 'keying', 'keyed', 'checking', 'accepted', 'exported', 'loaded'));
alter table books add column is_copy boolean not null default false;
comment on column books.is_copy is
  'A copy book (sổ lưu tại UBND huyện / bản sao): it shares the identity (type, authority, year, quyển) of another book on purpose. Only a book that is not a copy must have a unique identity.';
comment on column books.status is
  'Where the book is in the line: inventoried, scanning (pages arriving), keying, checking (every registration completed, QC under way), accepted (QC accepted), exported (export signed off), loaded (in the national system). Written only by src/archive/book-status.ts, each change an entity action (status_changed). scanned/keyed are legacy values never written any more.';

create table export_changes (
  id            bigint generated always as identity primary key,
  export_id     uuid not null references exports(id),
  book_id       uuid not null references books(id),
  record_id     uuid not null references records(id),
  action_id     bigint not null,
  kind          text not null,
  fields        jsonb not null default '[]'::jsonb check (jsonb_typeof(fields) = 'array'),
  reason        text not null,
  decision_ref  text not null default '',
  actor_id      uuid references users(id),
  created_at    timestamptz not null default now(),
  unique (action_id)
);
create index export_changes_export_idx on export_changes (export_id, id);
comment on table export_changes is
  'A change to a registration after the export of its book was signed off (a correction, a reopening): the export (the last signed-off one the registration was in) is stale while any row points to it. Written by the record writer (src/entry) in the same transaction as the record action (action_id = record_actions.id; no foreign key, so the append-only trigger of record_actions still answers a TRUNCATE), with the reason, who, and the decision it rests on when there is one (decision_ref). The next export lists these rows as what changed since. Append-only: a trigger rejects UPDATE, DELETE and TRUNCATE.';
create trigger export_changes_no_update before update or delete on export_changes
  for each row execute function hotich_forbid_change();
create trigger export_changes_no_truncate before truncate on export_changes
  for each statement execute function hotich_forbid_change();
`;
