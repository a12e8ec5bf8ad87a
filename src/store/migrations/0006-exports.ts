/**
 * 0006 — exports to the Ministry of Justice (src/exchange): one row per
 * export of a book (its files as chunked blobs, its manifest, how many
 * WARNINGs it carried) and the reviewer's sign-off. Also an index that serves
 * the export order of a book's records (số numerically, then creation).
 */
export const name = 'exports';

export const up = /* sql */ `
create table exports (
  id            uuid primary key default gen_random_uuid(),
  book_id       uuid not null references books(id),
  files         jsonb not null,
  manifest      jsonb not null,
  warnings      integer not null check (warnings >= 0),
  created_by    uuid references users(id),
  created_at    timestamptz not null default now(),
  signed_off_by uuid references users(id),
  signed_off_at timestamptz,
  note          text not null default '',
  check ((signed_off_by is null) = (signed_off_at is null)),
  check (jsonb_typeof(files) = 'array')
);
create index exports_book_idx on exports (book_id, created_at desc);
comment on table exports is
  'One export of a book to the MoJ (xlsx "DL Import" + "Ghi chu", zip of one PDF per registration, warnings report, manifest). Inserted once, after every file is stored, so a row always points to complete files; files is a JSON array [{name, kind, bytes, sha256, chunks[]}] where chunks are the blob names whose concatenation is the file. Only registrations that were all completed and free of ERROR findings are ever exported (the export gate). warnings = WARNING findings listed in the report. signed_off_by/at/note: a reviewer (records.review) accepted the report; set once, never cleared. Rows are never deleted.';

create index records_book_export_order_idx on records
  (book_id, (coalesce(substring("values"->>'so' from '^\\s*(\\d{1,18})')::numeric, 1e19)), created_at, id);
`;
