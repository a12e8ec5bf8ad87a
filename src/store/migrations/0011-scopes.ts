/**
 * 0011 — one province, many agencies: organizations, what each user may see
 * (grants: everything, administrative units, or assigned books), the
 * "lies within" closure of administrative units through their parents and
 * their 2025 successors, the append-only log of actions on everything that
 * is not a record (books, pages, users, grants, QC settings and decisions,
 * exports, imports), and the log of reads of personal data.
 */
export const name = 'scopes';

export const up = /* sql */ `
create table organizations (
  id          uuid primary key default gen_random_uuid(),
  name        text not null unique check (name <> ''),
  kind        text not null check (kind in ('so_tu_phap', 'phong_tu_phap', 'ubnd_xa', 'contractor', 'other')),
  unit_id     text references admin_units(id),
  created_at  timestamptz not null default now(),
  disabled_at timestamptz
);
comment on table organizations is
  'Agencies whose people sign in: the provincial Justice Department (so_tu_phap), a district justice office as it was before 01.07.2025 (phong_tu_phap), a commune or ward People''s Committee (ubnd_xa), a contractor company (contractor). unit_id is the unit the agency belongs to, when it has one. Never deleted, only disabled.';

alter table users add column organization_id uuid references organizations(id);
create index users_organization_idx on users (organization_id);

create table user_grants (
  id         bigint generated always as identity primary key,
  user_id    uuid not null references users(id),
  kind       text not null check (kind in ('all', 'unit', 'book')),
  unit_id    text references admin_units(id),
  book_id    uuid references books(id),
  granted_by uuid references users(id),
  granted_at timestamptz not null default now(),
  check ((kind = 'all' and unit_id is null and book_id is null)
      or (kind = 'unit' and unit_id is not null and book_id is null)
      or (kind = 'book' and book_id is not null and unit_id is null))
);
create unique index user_grants_unique_idx on user_grants (user_id, kind, coalesce(unit_id, ''), coalesce(book_id::text, ''));
create index user_grants_user_idx on user_grants (user_id);
create index user_grants_book_idx on user_grants (book_id) where book_id is not null;
comment on table user_grants is
  'What a user may see and act on (auth scope): kind all = every book of the installation; unit = every book whose registering authority lies within that unit (admin_unit_within: any level, historical units included); book = one assigned book. A user with no grant sees nothing. Rows are current state: revoking deletes the row, and every grant or revocation is an entity_actions row (entity_type grant).';

create table admin_unit_within (
  unit_id   text not null references admin_units(id),
  within_id text not null references admin_units(id),
  primary key (within_id, unit_id)
);
create index admin_unit_within_unit_idx on admin_unit_within (unit_id);
comment on table admin_unit_within is
  'Transitive closure of "unit_id lies within within_id" (every unit lies within itself): a commune within its district and province (parent_id), an old unit within its MAIN successor and that successor''s ancestors (admin_unit_successors.is_main) — so an officer of a 2025 commune sees the books of the old communes merged into it. Derived data: rebuilt by rebuild_admin_unit_within() after every list import.';

create function rebuild_admin_unit_within() returns void language sql as $fn$
  delete from admin_unit_within;
  insert into admin_unit_within (unit_id, within_id)
  with recursive edge (child, parent) as (
    select id, parent_id from admin_units where parent_id is not null
    union
    select from_id, to_id from admin_unit_successors where is_main
  ), up (unit_id, within_id) as (
    select id, id from admin_units
    union
    select up.unit_id, edge.parent from up join edge on edge.child = up.within_id
  )
  select unit_id, within_id from up;
$fn$;
select rebuild_admin_unit_within();

create table entity_actions (
  id           bigint generated always as identity primary key,
  entity_type  text not null,
  entity_id    text not null,
  book_id      uuid references books(id),
  kind         text not null,
  actor_id     uuid references users(id),
  client_tx_id text unique check (client_tx_id is null or length(client_tx_id) between 8 and 128),
  reason       text not null default '',
  payload      jsonb not null default '{}'::jsonb,
  created_at   timestamptz not null default now()
);
create index entity_actions_entity_idx on entity_actions (entity_type, entity_id, id);
create index entity_actions_book_idx on entity_actions (book_id, id) where book_id is not null;
create index entity_actions_actor_idx on entity_actions (actor_id, created_at);
comment on table entity_actions is
  'Append-only history of everything that is not a record (records have record_actions): books (created, changed, status), pages (added, reordered, missing, blank), users, organizations and grants, QC settings and decisions, exports and their sign-off, imports. entity_type + entity_id name the thing; book_id, when set, is the book it belongs to (scope and the book''s history panel); reason is the user''s why, where one is asked. A trigger rejects UPDATE, DELETE and TRUNCATE.';
create trigger entity_actions_no_update before update or delete on entity_actions
  for each row execute function hotich_forbid_change();
create trigger entity_actions_no_truncate before truncate on entity_actions
  for each statement execute function hotich_forbid_change();

create table access_log (
  id          bigint generated always as identity primary key,
  actor_id    uuid references users(id),
  action      text not null,
  entity_type text not null,
  entity_id   text not null,
  book_id     uuid references books(id),
  ip          text not null default '',
  user_agent  text not null default '',
  at          timestamptz not null default now()
);
create index access_log_actor_idx on access_log (actor_id, at);
create index access_log_book_idx on access_log (book_id, at) where book_id is not null;
create index access_log_entity_idx on access_log (entity_type, entity_id, at);
comment on table access_log is
  'Who read personal data, what, when and from where (Nghị định 13/2023/NĐ-CP): opening a record or its history, a page image, a registration PDF or zip, an export file, a search. action is a stable code (record.view, image.view, ...). Append-only (trigger).';
create trigger access_log_no_update before update or delete on access_log
  for each row execute function hotich_forbid_change();
create trigger access_log_no_truncate before truncate on access_log
  for each statement execute function hotich_forbid_change();
`;
