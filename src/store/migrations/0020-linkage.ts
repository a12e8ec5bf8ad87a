/**
 * 0020 — record linkage (src/linkage, issue 16): candidate pairs of
 * registrations that may be one person or one event (duplicate, re-
 * registration, birth ↔ death, birth ↔ marriage, correction ↔ original),
 * the reviewers' decisions on them (append-only), the trained parameters of
 * each run, and the records completed since, waiting for an incremental run.
 */
export const name = 'linkage';

export const up = /* sql */ `
create table link_runs (
  id          uuid primary key default gen_random_uuid(),
  unit_id     text references admin_units(id),
  mode        text not null check (mode in ('full', 'incremental')),
  params      jsonb not null default '{}'::jsonb,
  stats       jsonb not null default '{}'::jsonb,
  started_by  uuid references users(id),
  started_at  timestamptz not null default now(),
  finished_at timestamptz
);
comment on table link_runs is
  'One run of linkage (src/linkage): for a unit (and everything within it) or the province (unit_id null), full (train m/u by EM on the data, then score every blocked pair) or incremental (only the blocks of records completed since, with the parameters of the last full run). params = the trained Fellegi–Sunter parameters per kind (lambda, m, u; term frequencies are not kept); stats = records, persons, pairs compared, candidates written.';

create table link_candidates (
  id          uuid primary key default gen_random_uuid(),
  kind        text not null check (kind in ('duplicate', 'reregistration', 'death', 'marriage', 'correction')),
  record_a    uuid not null references records(id) on delete cascade,
  record_b    uuid not null references records(id) on delete cascade,
  role_a      text not null,
  role_b      text not null,
  book_a      uuid not null references books(id),
  book_b      uuid not null references books(id),
  probability double precision not null check (probability between 0 and 1),
  weight      double precision not null,
  explanation jsonb not null,
  status      text not null default 'open' check (status in ('open', 'decided')),
  run_id      uuid references link_runs(id),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  check (record_a < record_b),
  unique (kind, record_a, record_b)
);
create index link_candidates_open_idx on link_candidates (status, kind, weight desc);
create index link_candidates_b_idx on link_candidates (record_b);
comment on table link_candidates is
  'A proposed link between two registrations (record_a < record_b), with the Fellegi–Sunter probability and weight and the explanation the reviewer reads ({prior, fields: [{field, label, status agree|partial|disagree|missing, level, weight}], rules: [ids]}). One row per (kind, pair): a new run updates an open row and never touches a decided one. A reviewer sees a candidate only when both records'' books are in her scope.';

create table link_decisions (
  id           uuid primary key default gen_random_uuid(),
  candidate_id uuid not null references link_candidates(id),
  kind         text not null,
  record_a     uuid not null references records(id),
  record_b     uuid not null references records(id),
  decision     text not null check (decision in ('duplicate_of', 'linked', 'not_same')),
  keep_id      uuid references records(id),
  reason       text not null default '',
  decided_by   uuid references users(id),
  decided_at   timestamptz not null default now(),
  check (decision <> 'duplicate_of' or keep_id in (record_a, record_b))
);
create index link_decisions_pair_idx on link_decisions (record_a, record_b);
create index link_decisions_b_idx on link_decisions (record_b);
comment on table link_decisions is
  'Reviewers'' decisions on candidates, append-only (a trigger refuses UPDATE and DELETE; a change of mind is a new row, the latest counts): duplicate_of (the two records are one registration keyed twice or re-registered; keep_id is the one kept, the other is not exported again), linked (the same person: birth and death, birth and marriage, correction and original), not_same (different people: the pair is never proposed again). Each is also an entity_actions row (entity_type link_pair).';

create function link_decisions_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'link_decisions is append-only';
end $$;
create trigger link_decisions_no_change before update or delete on link_decisions
  for each row execute function link_decisions_append_only();

create table link_dirty (
  record_id uuid primary key references records(id) on delete cascade,
  marked_at timestamptz not null default now()
);
comment on table link_dirty is
  'Registrations completed (or changed after completion) since the last linkage run: an incremental run scores only their blocks and clears them. Written by entry in the transaction that completes the record.';
`;
