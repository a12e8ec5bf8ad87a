/**
 * 0017 — campaign plans and progress (src/plans): a campaign (kế hoạch) of
 * work packages (a unit × register types × years, with estimates), each
 * package's stages with a deadline, a responsible organization and person and
 * a unit price; the per-book confirmation that a book was loaded into the
 * national system; and the derived progress rollup (progress_daily,
 * progress_book) kept exact by a dirty-book list that statement triggers on
 * the source tables fill and src/plans/progress-refresh.ts drains.
 */
export const name = 'plans';

const STAGES = `'inventory', 'scan', 'key1', 'key2', 'arbitration', 'acceptance', 'handover', 'loaded'`;

/** A statement trigger that marks the books of the changed rows dirty (`expr` gives the book id from row `r`). */
const mark = (table: string, event: 'insert' | 'update' | 'delete', expr: string, from = '') => {
  const rows = event === 'delete' ? 'old_rows' : 'new_rows';
  const ref = event === 'delete' ? 'old table as old_rows' : 'new table as new_rows';
  const fn = `progress_mark_${table}_${event}`;
  return `
create function ${fn}() returns trigger language plpgsql as $fn$
begin
  insert into progress_dirty (book_id) select distinct ${expr} from ${rows} r ${from} where ${expr} is not null
  on conflict (book_id) do nothing;
  return null;
end $fn$;
create trigger ${fn} after ${event} on ${table} referencing ${ref} for each statement execute function ${fn}();`;
};

const marks = [
  mark('books', 'insert', 'r.id'),
  mark('books', 'update', 'r.id'),
  mark('pages', 'insert', 'r.book_id'),
  mark('pages', 'update', 'r.book_id'),
  mark('pages', 'delete', 'r.book_id'),
  mark('records', 'insert', 'r.book_id'),
  mark('records', 'update', 'r.book_id'),
  mark('qc_disagreements', 'insert', 'rec.book_id', 'join records rec on rec.id = r.record_id'),
  mark('qc_disagreements', 'update', 'rec.book_id', 'join records rec on rec.id = r.record_id'),
  mark('exports', 'insert', 'r.book_id'),
  mark('exports', 'update', 'r.book_id'),
  mark('qc_book_settings', 'insert', 'r.book_id'),
  mark('qc_book_settings', 'update', 'r.book_id'),
  mark('qc_lots', 'update', "(lb->>'id')::uuid", "cross join lateral jsonb_array_elements(r.scope->'books') lb"),
  mark('plan_book_loads', 'insert', 'r.book_id'),
  mark('plan_book_loads', 'update', 'r.book_id'),
  mark('plan_book_loads', 'delete', 'r.book_id'),
].join('\n');

export const up = /* sql */ `
create table plan_campaigns (
  id          uuid primary key default gen_random_uuid(),
  name        text not null check (name <> ''),
  doc_ref     text not null default '',
  issued_on   date,
  scope_text  text not null default '',
  unit_id     text references admin_units(id),
  version     integer not null default 1 check (version >= 1),
  created_by  uuid references users(id),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
comment on table plan_campaigns is
  'A digitization campaign plan (kế hoạch số hóa): name, document number/symbol (doc_ref, e.g. 37/KH-UBND), date issued, scope in words and the unit it covers (unit_id, usually the province). Changed only by a decision: every change bumps version and appends an entity_actions row (entity_type campaign) with who and why. Never deleted.';

create table plan_packages (
  id                uuid primary key default gen_random_uuid(),
  campaign_id       uuid not null references plan_campaigns(id),
  unit_id           text not null references admin_units(id),
  register_types    jsonb not null check (jsonb_typeof(register_types) = 'array' and jsonb_array_length(register_types) >= 1),
  year_from         integer not null check (year_from between 1900 and 2100),
  year_to           integer not null check (year_to between 1900 and 2100),
  est_books         integer not null default 0 check (est_books >= 0),
  est_pages         integer not null default 0 check (est_pages >= 0),
  est_registrations integer not null default 0 check (est_registrations >= 0),
  est_fields        bigint not null default 0 check (est_fields >= 0),
  note              text not null default '',
  version           integer not null default 1 check (version >= 1),
  removed_at        timestamptz,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  check (year_from <= year_to)
);
create index plan_packages_campaign_idx on plan_packages (campaign_id);
create index plan_packages_unit_idx on plan_packages (unit_id);
comment on table plan_packages is
  'A work package of a campaign: the books of a unit (commune or district, historical or 2025; books whose authority lies within it, admin_unit_within) of some register types (JSON array of catalog codes) whose years overlap [year_from, year_to]; estimates of books, pages, registrations and fields (fields = registrations × the catalog field count of the type). Progress is never stored here: it is derived from the books (progress_book). Removed packages keep their row (removed_at). Every change is an entity_actions row (entity_type work_package).';

create table plan_package_stages (
  package_id      uuid not null references plan_packages(id),
  stage           text not null check (stage in (${STAGES})),
  deadline        date,
  organization_id uuid references organizations(id),
  person          text not null default '',
  unit_price      numeric(14, 2) check (unit_price is null or unit_price >= 0),
  primary key (package_id, stage)
);
comment on table plan_package_stages is
  'One stage of a work package (kiểm kê, quét, nhập liệu lần 1/2, đối chiếu, nghiệm thu, bàn giao, cập nhật vào Hệ thống): its deadline, the responsible organization and person, and the unit price (đồng per unit of the stage: book, page, field or registration; see src/plans/stages.ts). Rows are current state; their history is in entity_actions of the package.';

create table plan_book_loads (
  book_id      uuid primary key references books(id),
  loaded_on    date not null,
  batch_ref    text not null check (batch_ref <> ''),
  source       text not null check (source in ('typed', 'imported')),
  confirmed_by uuid references users(id),
  confirmed_at timestamptz not null default now()
);
comment on table plan_book_loads is
  'Confirmation that a book''s data was loaded into the national civil-status system (đã cập nhật vào Hệ thống): the day, the batch reference given by the system, typed or imported from a file, by whom. One row per book; a correction replaces it and appends an entity_actions row (entity_type book, kind loaded).';

create table progress_dirty (
  book_id   uuid primary key,
  marked_at timestamptz not null default now()
);
comment on table progress_dirty is
  'Books whose progress facts may have changed since the last refresh: filled by statement triggers on books, pages, records, qc_disagreements, qc_book_settings, qc_lots, exports and plan_book_loads; drained by the refresh (src/plans/progress-refresh.ts), which recomputes those books in progress_daily and progress_book. Derived data.';

create table progress_daily (
  book_id uuid not null,
  stage   text not null check (stage in (${STAGES})),
  day     date not null,
  qty     bigint not null check (qty > 0),
  primary key (book_id, stage, day)
);
create index progress_daily_day_idx on progress_daily (day, stage);
comment on table progress_daily is
  'Derived rollup: how much of each stage a book reached on each day (Vietnam local day), in the unit of the stage (books, pages, registrations, fields in disagreement). Equal to the full recomputation from the source tables (src/plans/stage-facts.ts) for every book not in progress_dirty; a test checks it after random activity.';

create table progress_book (
  book_id uuid not null,
  stage   text not null check (stage in (${STAGES})),
  done    bigint not null check (done > 0),
  primary key (book_id, stage)
);
comment on table progress_book is
  'Derived rollup: the sum of progress_daily per book and stage (what the dashboards add up), refreshed with it.';

create index books_plan_unit_idx on books (authority_unit_code, register_type);

${marks}

insert into progress_dirty (book_id) select id from books on conflict do nothing;
`;
