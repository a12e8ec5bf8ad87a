/**
 * 0018 — the person index of search (src/search): one row per person named
 * in a registration (registered person, mother, father, spouses, deceased…)
 * with name keys computed in TypeScript (src/vn nameKeys), so PGlite and
 * PostgreSQL compare exactly the same strings. pg_trgm (shipped with both)
 * ranks a blocked candidate set and serves a filtered fallback; it lives in
 * schema public and is always called qualified (public.similarity).
 */
export const name = 'person-index';

export const up = /* sql */ `
create extension if not exists pg_trgm with schema public;

create table person_index (
  record_id     uuid not null references records(id) on delete cascade,
  role          text not null,
  book_id       uuid not null references books(id),
  register_type text not null,
  full_name     text not null,
  name_tone     text not null,
  name_fold     text not null,
  ho_key        text not null,
  ten_key       text not null,
  head_key      text not null,
  tail_key      text not null,
  birth_year    smallint,
  birth_lo      date,
  birth_hi      date,
  event_lo      date,
  event_hi      date,
  reg_so        text not null default '',
  quyen_so      text not null default '',
  reg_date      text not null default '',
  page_id       uuid,
  primary key (record_id, role),
  check (birth_lo is null or birth_lo <= birth_hi),
  check (event_lo is null or event_lo <= event_hi)
);
create index person_index_ten_ho_idx on person_index (ten_key, ho_key, birth_year);
create index person_index_fold_idx on person_index (name_fold, birth_year);
create index person_index_ho_year_idx on person_index (ho_key, birth_year);
create index person_index_head_idx on person_index (head_key, ten_key);
create index person_index_tail_idx on person_index (tail_key, ho_key);
create index person_index_book_idx on person_index (book_id, reg_so);
create index person_index_trgm_idx on person_index using gin (name_fold public.gin_trgm_ops);
comment on table person_index is
  'Search index of people in registrations (src/search), derived data: one row per person block (role = the register''s person prefix: nks, me, cha, chong, vo, nkt…) with a non-empty name, of every registration (keying passes are not indexed). Written in the transaction that writes the records row (entry writeProjection calls search indexRecord) and rebuilt whole by rebuildPersonIndex. name_tone = normalizeName lower case; name_fold = searchKey (no diacritics, lower, single spaces); ho_key/ten_key = first/last folded word; head_key = every folded word but the last, tail_key = every one but the first (a slip in tên or họ keeps the rest exact). birth_lo..birth_hi and event_lo..event_hi are the spans of partial dates (a year alone spans the year). Candidates are found by B-tree keys; trigram similarity only ranks them or runs with a selective filter, never over the whole table.';
`;
