/**
 * 0022 — machine reading (OCR) of printed register pages: one row per page
 * read or skipped (with the reason, and the officer's "handwritten" mark),
 * one row per field read (raw text, normalized value, confidence, box on the
 * page, uncertainty reasons), and the per-field-kind confidence thresholds
 * set from measured accuracy (src/ocr, src/qc).
 */
export const name = 'ocr';

export const up = /* sql */ `
create table ocr_pages (
  page_id          uuid primary key references pages(id) on delete cascade,
  book_id          uuid not null references books(id),
  status           text not null default 'pending' check (status in ('pending', 'read', 'skipped')),
  reason           text not null default '',
  handwritten_mark boolean not null default false,
  engine           text not null default '',
  skew             real,
  mean_confidence  real,
  read_at          timestamptz,
  check (status <> 'skipped' or reason <> '')
);
create index ocr_pages_book on ocr_pages (book_id);
comment on table ocr_pages is 'OCR of one page: read, or skipped with a stable reason (handwritten, no table…). handwritten_mark is the officer''s mark: such a page is never read by the printed-text engine.';

create table ocr_fields (
  page_id     uuid not null references ocr_pages(page_id) on delete cascade,
  row_index   integer not null check (row_index >= 0),
  field       text not null,
  kind        text not null check (kind in ('name', 'date', 'place', 'number', 'code', 'text')),
  raw_text    text not null,
  value       text not null,
  confidence  real not null check (confidence between 0 and 1),
  box         jsonb not null,
  uncertain   jsonb not null default '[]'::jsonb,
  primary key (page_id, row_index, field)
);
comment on table ocr_fields is 'One field read by the machine on a page: the slot (row of the ruled table), the raw text, the value normalized like typed input, the engine confidence, the box as fractions of the page, and why it is uncertain (confusions typical of Vietnamese OCR).';

create table ocr_thresholds (
  kind        text primary key check (kind in ('name', 'date', 'place', 'number', 'code', 'text')),
  threshold   real not null check (threshold between 0 and 1.01),
  samples     integer not null default 0,
  accuracy    real,
  updated_at  timestamptz not null default now()
);
comment on table ocr_thresholds is 'Per field kind: the least confidence at which a machine-read value is pre-filled, set from measured machine accuracy against accepted values (1.01 = never pre-fill).';
`;
