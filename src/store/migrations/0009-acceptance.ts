/**
 * 0009 — quality control, acceptance side (src/qc, lots): a lot of
 * registrations accepted or rejected by sampling, the reproducible sample
 * drawn from it and every field a reviewer checked against the page image.
 */
export const name = 'acceptance';

export const up = /* sql */ `
create table qc_lots (
  id            uuid primary key default gen_random_uuid(),
  scope         jsonb not null,
  plan          jsonb not null,
  targets       jsonb not null,
  seed          text not null check (length(seed) between 1 and 200),
  sampler       text not null,
  manifest_hash text not null,
  lot_size      integer not null check (lot_size >= 1),
  status        text not null default 'sampling' check (status in ('sampling', 'accepted', 'rejected')),
  decision      jsonb,
  note          text not null default '',
  created_by    uuid references users(id),
  created_at    timestamptz not null default now(),
  decided_by    uuid references users(id),
  decided_at    timestamptz,
  check ((status = 'sampling') = (decided_at is null)),
  check (status = 'sampling' or (decided_by is not null and decision is not null))
);
comment on table qc_lots is
  'A lot accepted by sampling (nghiệm thu): one book or all books of an authority unit and a range of registration years (scope). plan says how the sample size was chosen (ISO 2859-1 level/AQL/code letter/n/Ac/Re, or a 95 % Clopper-Pearson bound) and which rule decides; targets are the field accuracy targets (critical, other). seed + sampler + manifest_hash (sha256 of the registration ids in frozen order) reproduce the sample. status goes sampling -> accepted | rejected once, by a user holding qc.accept (decided_by, decided_at); decision is the computed result at that moment (counts, intervals, every error). Never deleted.';

create table qc_lot_samples (
  lot_id         uuid not null references qc_lots(id),
  record_id      uuid not null references records(id),
  seq            integer not null check (seq >= 1),
  position       integer not null check (position >= 1),
  keyer_id       uuid references users(id),
  record_version integer not null,
  primary key (lot_id, record_id),
  unique (lot_id, seq)
);
comment on table qc_lot_samples is
  'The registrations drawn into a lot''s sample, in draw order (seq); position is the 1-based place in the lot manifest the sampler picked. keyer_id and record_version are the registration''s keyer (records.keyed_by) and version when drawn, so an error found later is charged to who keyed it even after a correction. Written once when the lot is created; never changed.';

create table qc_sample_checks (
  lot_id        uuid not null,
  record_id     uuid not null,
  field_key     text not null,
  ok            boolean not null,
  keyed_value   text not null default '',
  correct_value text,
  critical      boolean not null,
  checked_by    uuid references users(id),
  checked_at    timestamptz not null default now(),
  primary key (lot_id, record_id, field_key),
  foreign key (lot_id, record_id) references qc_lot_samples(lot_id, record_id),
  check (ok or correct_value is not null)
);
comment on table qc_sample_checks is
  'One field of a sampled registration checked against the page image: ok, or wrong with the correct value (keyed_value is what was keyed when checked; critical per src/qc/critical-fields.ts). A registration is checked as a whole (every field of its template) and may be re-checked while the lot is sampling (its rows are replaced); a trigger refuses any change once the lot is decided.';

create function qc_sample_checks_frozen() returns trigger language plpgsql as $fn$
declare
  lot uuid;
begin
  if tg_op = 'INSERT' then lot := new.lot_id; else lot := old.lot_id; end if;
  if exists (select 1 from qc_lots where id = lot and status <> 'sampling') then
    raise exception 'lô % đã có quyết định nghiệm thu: không sửa được kết quả kiểm tra mẫu', lot
      using errcode = 'P0001', hint = 'qc_lot_decided';
  end if;
  if tg_op = 'DELETE' then return old; end if;
  return new;
end
$fn$;
create trigger qc_sample_checks_frozen before insert or update or delete on qc_sample_checks
  for each row execute function qc_sample_checks_frozen();
`;
