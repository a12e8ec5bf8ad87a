/**
 * 0025 — the progress rollup per work package, so the dashboard reads a few
 * hundred rows instead of every book of a province: which books each package
 * covers (plan_package_books), each book's figures that are not daily
 * amounts (progress_book_live), and their sums per package
 * (progress_package, progress_package_daily, progress_package_live). Kept
 * exact incrementally by the refresh of dirty books (it subtracts a book's old
 * contribution from its old packages and adds the new one to its new
 * packages) and by every plan change (a package's rows rebuilt from its
 * books): src/plans/package-rollup.ts. Every book is marked dirty once so the
 * first refresh fills the tables.
 */
export const name = 'package-rollup';

export const up = /* sql */ `
create table plan_package_books (
  package_id uuid not null references plan_packages(id),
  book_id    uuid not null,
  primary key (package_id, book_id)
);
create index plan_package_books_book_idx on plan_package_books (book_id);
comment on table plan_package_books is
  'Derived: the books a live work package covers (src/plans/membership.ts) as the package rollup last counted them. Rewritten for a book when it is refreshed and for a package when it changes; a test checks it equals the membership rule.';

create table progress_book_live (
  book_id              uuid primary key,
  register_type        text not null,
  declared_pages       bigint not null,
  double_registrations bigint not null,
  open_disagreements   bigint not null
);
comment on table progress_book_live is
  'Derived, refreshed with progress_book: per book the figures that are states rather than daily amounts (its type, declared pages, registrations keyed once in a double-keyed book, open disagreements).';

create table progress_package (
  package_id    uuid not null,
  stage         text not null,
  register_type text not null,
  done          bigint not null,
  primary key (package_id, stage, register_type)
);
create table progress_package_daily (
  package_id uuid not null,
  stage      text not null,
  day        date not null,
  qty        bigint not null,
  primary key (package_id, stage, day)
);
create table progress_package_live (
  package_id           uuid primary key,
  books                bigint not null,
  declared_pages       bigint not null,
  double_registrations bigint not null,
  open_disagreements   bigint not null
);
comment on table progress_package is
  'Derived: the sum of progress_book over the books of each package (plan_package_books), per stage and register type; rows that sum to 0 are removed. Equal to a full recomputation (tested after random activity).';
comment on table progress_package_daily is
  'Derived: the sum of progress_daily over the books of each package, per stage and day; rows that sum to 0 are removed.';
comment on table progress_package_live is
  'Derived: the sum of progress_book_live over the books of each package (books counted).';

insert into progress_dirty (book_id) select id from books on conflict do nothing;
`;
