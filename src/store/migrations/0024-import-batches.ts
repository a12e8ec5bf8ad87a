/**
 * 0024 — imports written in short batches (src/exchange import-batches.ts):
 * a book an import is still writing is hidden until the import's last
 * transaction. books.import_pending names the import (its id, fixed for the
 * job across retries) whose unfinished work the book holds; while it is set
 * the book is in nobody's scope (auth bookInScope), in no list and counts for
 * no book identity. import_target, on a staging copy, is the existing book
 * its records move into when the import finishes (the copy is then deleted).
 */
export const name = 'import-batches';

export const up = /* sql */ `
alter table books add column import_pending uuid;
alter table books add column import_target uuid references books(id);
create index books_import_pending_idx on books (import_pending) where import_pending is not null;
comment on column books.import_pending is
  'Set while an import (this id, the imports row it will write) is still writing into the book in batches: the book is hidden from everyone (scope, lists, identity) until the import''s last transaction clears it. A book whose import was abandoned (failed for good) keeps it and stays hidden; its records and their audit rows stay, as the append-only history requires.';
comment on column books.import_target is
  'On a staging copy of an import into an existing book: that book. The import''s records are projected into the copy (their created action already names the target) and moved into the target, with their findings and person-index rows, in the import''s last transaction; the copy is then deleted.';
`;
