/**
 * 0003 — the inventory and its scans: what each page's image is (blob,
 * thumbnail, perceptual hash, resolution), where it came from (the uploaded
 * file and the page inside it), and the uploaded files themselves.
 */
export const name = 'archive';

export const up = /* sql */ `
alter table books add column status text not null default 'inventoried'
  check (status in ('inventoried', 'scanning', 'scanned', 'keying', 'keyed', 'accepted', 'exported'));
alter table books add column quyen_year text;
comment on column books.authority_unit_code is 'Resolved administrative unit id (admin_units.id, scheme:level:code) of authority_text, when known.';

create table ingest_files (
  id          uuid primary key default gen_random_uuid(),
  book_id     uuid not null references books(id),
  sha256      text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  name        text not null,
  kind        text not null,
  page_count  integer not null check (page_count >= 0),
  byte_size   bigint not null,
  blob_sha256 text,
  created_at  timestamptz not null default now(),
  unique (book_id, sha256)
);
comment on table ingest_files is
  'Files ingested into a book (one row per distinct content per book: the same file twice is one row). Written in the same transaction as the pages it produced, so a file is either fully ingested or not at all.';

alter table pages add column mime text;
alter table pages add column thumbnail_sha256 text check (thumbnail_sha256 is null or thumbnail_sha256 ~ '^[0-9a-f]{64}$');
alter table pages add column dhash text check (dhash is null or dhash ~ '^[0-9a-f]{16}$');
alter table pages add column dpi_at_a4 integer;
alter table pages add column ingest_file_id uuid references ingest_files(id);
alter table pages add column file_page_index integer;
alter table pages add column note text not null default '';
create index pages_book_seq_idx on pages (book_id, seq);
`;
