/**
 * 0026 — search at a million registrations (src/search). The name keys move
 * to a table of distinct folded names (person_names): the B-tree blocks
 * (tên + họ, one letter off, the name without its họ) and the trigram
 * fallback now read a few thousand names instead of millions of people, and
 * people are then fetched by exact folded name. person_index gains
 * event_year (the year of the registration date) so that a year or date
 * filter is an index range on (name_fold, birth_year) or (name_fold,
 * event_year), never a filter over every row of a common name. The person
 * indexes the name table replaces are dropped.
 */
export const name = 'person-names';

export const up = /* sql */ `
alter table person_index add column event_year smallint;
update person_index set event_year = extract(year from event_lo)::smallint where event_lo is not null;
alter table person_index add constraint person_index_event_year_check check ((event_lo is null) = (event_year is null));
create index person_index_fold_event_idx on person_index (name_fold, event_year);
drop index person_index_ten_ho_idx;
drop index person_index_ho_year_idx;
drop index person_index_head_idx;
drop index person_index_tail_idx;
drop index person_index_trgm_idx;

create table person_names (
  name_fold text primary key,
  ho_key    text not null,
  ten_key   text not null,
  head_key  text not null,
  tail_key  text not null
);
insert into person_names (name_fold, ho_key, ten_key, head_key, tail_key)
  select distinct on (name_fold) name_fold, ho_key, ten_key, head_key, tail_key from person_index order by name_fold;
create index person_names_ten_ho_idx on person_names (ten_key, ho_key);
create index person_names_ho_idx on person_names (ho_key);
create index person_names_head_idx on person_names (head_key, ten_key);
create index person_names_tail_idx on person_names (tail_key, ho_key);
create index person_names_trgm_idx on person_names using gin (name_fold public.gin_trgm_ops);
comment on table person_names is
  'The distinct folded names of person_index (src/search), with the same keys (ho_key, ten_key, head_key, tail_key as in person_index). Derived data: a name is added in the transaction that indexes a record (insert … on conflict do nothing) and only removed by rebuildPersonIndex, so a name may outlive its last person (it then brings no rows). Candidate names are found here by B-tree keys or, under a selective filter, by trigram; people are then read from person_index by name_fold.';
comment on column person_index.event_year is 'Year of event_lo (the registration date), null when it is unknown: the index range of a year or date filter.';
`;
