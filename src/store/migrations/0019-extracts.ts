/**
 * 0019 — certified copies (bản sao trích lục, bản sao Giấy khai sinh) issued
 * from the digitized books: the citizen's request (procedure 2.000635), the
 * copies issued with their gap-free numbers per issuing authority and year,
 * the public verification token, and the working-day calendar's exceptions.
 */
export const name = 'extracts';

export const up = /* sql */ `
create table extract_counters (
  issuing_unit_id text not null references admin_units(id),
  year            integer not null check (year between 1900 and 2200),
  last_no         integer not null check (last_no >= 0),
  primary key (issuing_unit_id, year)
);
comment on table extract_counters is
  'The last copy number issued by an authority in a year. Incremented with UPDATE … RETURNING inside the transaction that writes the copy, so numbers are gap-free and distinct under concurrent issuance (a rolled-back issuance gives its number back).';

create table extract_requests (
  id               uuid primary key default gen_random_uuid(),
  issuing_unit_id  text not null references admin_units(id),
  record_id        uuid references records(id),
  requester_name   text not null check (requester_name <> ''),
  requester_id_type text not null default '',
  requester_id_no  text not null default '',
  relation         text not null default '',
  authorization_ref text not null default '',
  channel          text not null default 'truc_tiep' check (channel in ('truc_tiep', 'buu_chinh', 'truc_tuyen')),
  wanted           jsonb not null default '{}'::jsonb,
  copies           integer not null check (copies between 1 and 50),
  fee_per_copy     integer not null check (fee_per_copy >= 0),
  fee_exemption    text not null default '',
  received_at      timestamptz not null,
  due_at           timestamptz not null,
  status           text not null default 'received' check (status in ('received', 'found', 'issued', 'refused')),
  refusal_reason   text not null default '',
  created_by       uuid references users(id),
  created_at       timestamptz not null default now(),
  check (status <> 'refused' or refusal_reason <> '')
);
create index extract_requests_unit_idx on extract_requests (issuing_unit_id, received_at);
comment on table extract_requests is
  'A citizen''s request for a copy (procedure 2.000635): who asks (name, ID document, relationship or authorization), which registration (record_id once found; wanted = what the citizen gave: type, số, quyển, date, authority), received_at and due_at (same working day, the next one after 15:00), copies and fee. status received -> found -> issued | refused (with reason). Every change is an entity_actions row (entity_type extract_request).';

create table extract_copies (
  id               uuid primary key default gen_random_uuid(),
  request_id       uuid references extract_requests(id),
  record_id        uuid not null references records(id),
  book_id          uuid not null references books(id),
  issuing_unit_id  text not null references admin_units(id),
  year             integer not null,
  seq              integer not null check (seq > 0),
  number           text not null,
  copy_type        text not null,
  copies           integer not null check (copies between 1 and 50),
  token            text not null unique check (length(token) >= 22),
  printed          jsonb not null,
  pdf_sha256       text not null,
  issued_by        uuid references users(id),
  issued_at        timestamptz not null,
  revoked_at       timestamptz,
  revoked_by       uuid references users(id),
  revoke_reason    text not null default '',
  unique (issuing_unit_id, year, seq),
  check ((revoked_at is null) = (revoke_reason = ''))
);
create index extract_copies_record_idx on extract_copies (record_id);
create index extract_copies_unit_idx on extract_copies (issuing_unit_id, issued_at);
comment on table extract_copies is
  'The issuance log (sổ cấp bản sao trích lục): one row per copy issued, numbered seq within (issuing_unit_id, year) without gaps; number is the printed "n/yyyy/SUFFIX-BS"; printed holds exactly what the copy shows (the verification page shows only that); token is the unguessable id in the QR code; pdf_sha256 the rendered PDF. Never deleted: revoking sets revoked_* once, with a reason, and appends an entity_actions row.';

create table working_calendar (
  day     date primary key,
  kind    text not null check (kind in ('holiday', 'workday')),
  name    text not null default ''
);
comment on table working_calendar is
  'Exceptions to the statutory working-day calendar (src/vn holidays): days off decided for a year (compensatory holidays, Tết days as announced) and Saturdays or Sundays made working days. Used for the due time of requests.';
`;
