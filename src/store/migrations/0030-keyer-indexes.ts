/**
 * 0030 — the home pages (src/home) at province scale: a keyer's counts and
 * her next record read her own rows through her id, and the next draft of a
 * book is found without walking every draft of the province (measured on a
 * synthetic 200.000-registration province: the next-record query took 2,8 s
 * and a keyer's home 0,65 s before these indexes).
 */
export const name = 'keyer-indexes';

export const up = /* sql */ `
create index records_keyer_completed_idx on records (keyed_by, completed_at) where keyed_by is not null and completed_at is not null;
create index records_keyer_draft_idx on records (keyed_by) where status = 'draft';
create index records_book_draft_idx on records (book_id, so_sort, created_at, id) where status = 'draft' and keying_of is null;
comment on index records_keyer_completed_idx is 'What a keyer completed in a period (home page counts, src/home).';
comment on index records_keyer_draft_idx is 'A keyer''s drafts and unfinished keying passes (home page, src/home).';
comment on index records_book_draft_idx is 'The first draft registration of a book in registration order (the next record to key, src/home).';
`;
