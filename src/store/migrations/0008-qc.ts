/**
 * 0008 — quality control, keying side (src/qc): the QC mode of each book,
 * independent keying passes of a registration (records.keying_of), the
 * disagreements between two passes and their arbitration, the corrections a
 * peer reviewer made, and the resolutions of book-level checks.
 */
export const name = 'qc';

export const up = /* sql */ `
create table qc_book_settings (
  book_id uuid primary key references books(id),
  mode    text not null check (mode in ('single_review', 'double_blind', 'double_critical')),
  set_by  uuid references users(id),
  set_at  timestamptz not null default now()
);
comment on table qc_book_settings is
  'QC mode of a book, chosen by a planner (qc.plan). No row means single_review (one keying, then peer review). double_blind: two independent passes A and B of every field; double_critical: pass B keys only the critical fields (src/qc/critical-fields.ts). Changing the mode does not touch existing passes.';

alter table records add column keying_of uuid references records(id);
alter table records add column keying_pass text check (keying_pass in ('A', 'B'));
alter table records add constraint records_keying_pair_check
  check ((keying_of is null) = (keying_pass is null));
alter table records add constraint records_keying_pass_unique unique (keying_of, keying_pass);
create index records_book_registration_idx on records (book_id) where keying_of is null;
comment on column records.keying_of is
  'Null: the row is a REGISTRATION (exported, sampled, counted, listed). Set: the row is one keyer''s independent KEYING PASS of that registration — a full record with its own actions, never exported, counted or listed as a registration, readable only by its keyer and admin.';
comment on column records.keying_pass is 'A or B for a keying pass (one of each per registration at most); null for a registration.';

create table qc_disagreements (
  id             bigserial primary key,
  record_id      uuid not null references records(id),
  round          integer not null check (round >= 1),
  field_key      text not null,
  value_a        text not null default '',
  value_b        text not null default '',
  status         text not null default 'open' check (status in ('open', 'resolved')),
  decided_value  text,
  decided_choice text check (decided_choice in ('A', 'B', 'other')),
  decided_by     uuid references users(id),
  decided_at     timestamptz,
  created_at     timestamptz not null default now(),
  unique (record_id, round, field_key),
  check ((status = 'open') = (decided_at is null)),
  check (status = 'open' or (decided_value is not null and decided_choice is not null))
);
create index qc_disagreements_open_idx on qc_disagreements (record_id) where status = 'open';
comment on table qc_disagreements is
  'One field on which the two keying passes of a registration (record_id, keying_of null) disagree after normalization (NFC, whitespace, tone-mark placement), per comparison round. An absent value is the empty string. Written once when the comparison runs (the same values are also in the registration''s compared action); resolved once by an arbitrator who keyed neither pass, and the decision is also appended to the registration as an arbitrated action. Never deleted.';

create table qc_review_corrections (
  id              bigserial primary key,
  record_id       uuid not null references records(id),
  field_key       text not null,
  keyed_value     text not null default '',
  corrected_value text not null default '',
  keyer_id        uuid references users(id),
  reviewer_id     uuid references users(id),
  created_at      timestamptz not null default now()
);
create index qc_review_corrections_record_idx on qc_review_corrections (record_id);
comment on table qc_review_corrections is
  'Peer review (single_review books): each field a reviewer corrected on a completed registration, with the value the keyer had keyed. Each row is one keyer error for keyer accuracy. Append-only; the correction itself is a corrected action on the record.';

create table qc_book_check_notes (
  book_id    uuid not null references books(id),
  check_code text not null,
  subject    text not null,
  status     text not null check (status in ('resolved', 'explained')),
  note       text not null default '',
  by         uuid references users(id),
  at         timestamptz not null default now(),
  primary key (book_id, check_code, subject)
);
comment on table qc_book_check_notes is
  'How a reviewer dealt with one book-level check finding (src/qc/book-checks.ts): check_code (so_gap, so_duplicate, date_order, count_mismatch, empty_page) and subject (e.g. "12-14" or a page id) name it; resolved = fixed in the records, explained = the book really is so (note says why). The latest decision replaces the previous one.';
`;
