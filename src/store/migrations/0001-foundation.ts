/**
 * 0001 — the foundation tables: users, books, pages, records, record_actions, jobs.
 * Never edit a landed migration; add a new numbered file instead.
 */
export const name = 'foundation';

export const up = /* sql */ `
create table users (
  id            uuid primary key default gen_random_uuid(),
  login         text not null unique check (login ~ '^[a-z0-9._-]{2,64}$'),
  display_name  text not null default '',
  role          text not null check (role in ('admin', 'planner', 'officer', 'keyer', 'reviewer')),
  password_hash text,
  created_at    timestamptz not null default now(),
  disabled_at   timestamptz
);
comment on table users is
  'People who sign in. login is lower-case and unique; password_hash is a scrypt/argon2 string, never a plain password. A user is never deleted, only disabled (disabled_at), so actions keep their author.';

create table books (
  id                   uuid primary key default gen_random_uuid(),
  register_type        text not null,
  template_version     text not null,
  authority_text       text not null,
  authority_unit_code  text,
  year_from            integer not null check (year_from between 1800 and 2200),
  year_to              integer check (year_to is null or year_to >= year_from),
  volume_no            text not null default '',
  opened_on            text,
  closed_on            text,
  page_count           integer check (page_count is null or page_count >= 0),
  declared_event_count integer check (declared_event_count is null or declared_event_count >= 0),
  condition            text not null default 'good' check (condition in ('good', 'damaged', 'partly_illegible', 'missing_pages')),
  custody              text not null default '',
  notes                text not null default '',
  created_at           timestamptz not null default now(),
  updated_at           timestamptz not null default now()
);
comment on table books is
  'One paper register book (quyển sổ). register_type and template_version name an entry of the register catalog; authority_text keeps the issuing body exactly as written in the book, authority_unit_code is the resolved administrative unit when known. opened_on/closed_on are partial dates as text (dd.mm.yyyy | mm.yyyy | yyyy).';

create table pages (
  id          uuid primary key default gen_random_uuid(),
  book_id     uuid not null references books(id),
  seq         integer not null check (seq >= 1),
  side        text not null default 'single' check (side in ('single', 'recto', 'verso', 'spread')),
  blob_sha256 text check (blob_sha256 is null or blob_sha256 ~ '^[0-9a-f]{64}$'),
  byte_size   bigint,
  width_px    integer,
  height_px   integer,
  status      text not null default 'present' check (status in ('present', 'missing', 'blank')),
  flags       jsonb not null default '[]'::jsonb,
  created_at  timestamptz not null default now(),
  unique (book_id, seq) deferrable initially immediate
);
comment on table pages is
  'The pages of a book in reading order: seq runs 1..n without repeats within a book (the unique constraint is deferrable so a reorder can swap seqs in one transaction). A page marked missing or blank has no blob. flags is a JSON array of stable quality codes.';

create table records (
  id               uuid primary key default gen_random_uuid(),
  book_id          uuid not null references books(id),
  register_type    text not null,
  template_version text not null,
  status           text not null default 'draft',
  version          integer not null default 0 check (version >= 0),
  "values"         jsonb not null default '{}'::jsonb,
  page_ids         jsonb not null default '[]'::jsonb,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);
create index records_book_idx on records (book_id);
comment on table records is
  'The current state of one registration: a projection (pure fold) of its record_actions, written in the same transaction as the action. version equals the number of actions folded; values maps MoJ column keys to the text as written in the book (NFC).';

create table record_actions (
  id           bigint generated always as identity primary key,
  record_id    uuid not null references records(id),
  client_tx_id text not null unique check (length(client_tx_id) between 8 and 128),
  kind         text not null,
  actor_id     uuid references users(id),
  payload      jsonb not null default '{}'::jsonb,
  created_at   timestamptz not null default now()
);
create index record_actions_record_idx on record_actions (record_id, id);
comment on table record_actions is
  'Append-only history of every record: keyed, corrected, completed, arbitrated, imported... A trigger rejects UPDATE, DELETE and TRUNCATE. client_tx_id is chosen by the client; replaying an insert with the same client_tx_id changes nothing (insert ... on conflict do nothing).';

create function hotich_forbid_change() returns trigger language plpgsql as $fn$
begin
  raise exception 'bảng % chỉ cho phép thêm mới (append-only): không được % ', tg_table_name, tg_op
    using errcode = 'P0001', hint = 'record_actions_append_only';
end
$fn$;

create trigger record_actions_no_update before update or delete on record_actions
  for each row execute function hotich_forbid_change();
create trigger record_actions_no_truncate before truncate on record_actions
  for each statement execute function hotich_forbid_change();

create table jobs (
  id           bigint generated always as identity primary key,
  kind         text not null,
  payload      jsonb not null default '{}'::jsonb,
  status       text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  run_at       timestamptz not null default now(),
  attempts     integer not null default 0,
  max_attempts integer not null default 3,
  locked_by    text,
  locked_at    timestamptz,
  last_error   text,
  created_at   timestamptz not null default now(),
  finished_at  timestamptz
);
create index jobs_ready_idx on jobs (run_at) where status = 'queued';
comment on table jobs is
  'Background work of the typed job map (core/jobs). A worker claims a queued row whose run_at has come (FOR UPDATE SKIP LOCKED on PostgreSQL), sets status running; done and failed are final; attempts never exceeds max_attempts.';
`;
