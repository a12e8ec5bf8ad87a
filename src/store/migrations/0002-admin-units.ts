/**
 * 0002 — administrative units through time: units of three code schemes,
 * successor links (old → new), aliases (older names, abbreviations), and the
 * log of list imports.
 */
export const name = 'admin-units';

export const up = /* sql */ `
create table admin_units (
  id         text primary key,
  scheme     text not null check (scheme in ('legacy', 'y2025', 'historic')),
  level      text not null check (level in ('province', 'district', 'commune')),
  code       text not null,
  name       text not null check (name <> ''),
  kind       text not null,
  parent_id  text references admin_units(id),
  valid_from text,
  valid_to   text,
  source     text not null,
  updated_at timestamptz not null default now(),
  unique (scheme, level, code),
  check (id = scheme || ':' || level || ':' || code)
);
create index admin_units_parent_idx on admin_units (parent_id);
comment on table admin_units is
  'Administrative units of three code schemes: legacy (GSO 2004 coding, in force until 30.06.2025), y2025 (two-level system from 01.07.2025, no districts) and historic (provinces that ended before 2004). id = scheme:level:code, codes are text with their leading zeros. parent_id is in the same scheme. A unit is never deleted: books and records point to it.';

create table admin_unit_successors (
  from_id text not null references admin_units(id),
  to_id   text not null references admin_units(id),
  is_main boolean not null,
  source  text not null,
  primary key (from_id, to_id),
  check (from_id <> to_id)
);
create index admin_unit_successors_to_idx on admin_unit_successors (to_id);
comment on table admin_unit_successors is
  'from_id was replaced by to_id (merger, division, the 2025 reform). A divided unit has several successors, exactly one of them is_main (enforced by the importer).';

create table admin_unit_aliases (
  unit_id   text not null references admin_units(id),
  alias     text not null,
  alias_key text not null,
  source    text not null default '',
  year      text,
  primary key (unit_id, alias_key)
);
create index admin_unit_aliases_key_idx on admin_unit_aliases (alias_key);
comment on table admin_unit_aliases is
  'Other names of a unit: names before a rename or merger (2018–2024), abbreviations (HCM, TP.HCM). alias_key is the compact search key (lower-case ASCII, no spaces) used for matching; alias keeps the text as given.';

create table admin_unit_imports (
  id          bigint generated always as identity primary key,
  source      text not null,
  format      text not null,
  sha256      text not null,
  added       integer not null,
  changed     integer not null,
  unchanged   integer not null,
  report      jsonb not null default '{}'::jsonb,
  imported_at timestamptz not null default now()
);
comment on table admin_unit_imports is
  'One row per successful list import (a failed import changes nothing, so leaves no row). added/changed/unchanged count units, links and aliases together; report holds the details and warnings.';
`;
