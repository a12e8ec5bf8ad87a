/**
 * 0032 — the three big tables partitioned by province (declarative LIST
 * partitioning, docs/SCALE.md §3): records, record_actions (the action log)
 * and pages.
 *
 * - `books.province_code`: the two-digit code of the province of the book's
 *   registering authority (the 2025 province when the unit list knows it,
 *   else the pre-2025 one), '00' when the authority is not resolved to a
 *   unit. Set by a trigger when the book is inserted and never changed
 *   afterwards: it places the book's rows, it is not what scopes them (access
 *   still reads authority_unit_code).
 * - records, record_actions and pages carry a copy of their book's
 *   province_code (the writer names it; the composite foreign keys to books
 *   and records refuse a wrong copy). Partitions: one per province that has a
 *   book, made by the same books trigger (hotich_province_partition) the first
 *   time a book of that province is inserted, plus a DEFAULT partition for '00'.
 * - Keys hold the partition key LAST — primary key (id, province_code),
 *   unique (client_tx_id, province_code), (chain_id, chain_seq,
 *   province_code), (keying_of, keying_pass, province_code), (book_id, seq,
 *   province_code) — so a lookup by id alone is still one index probe per
 *   partition, and a lookup with the province prunes to one partition. The
 *   same keys are what a Citus deployment (distribution column province_code)
 *   requires.
 * - Tables that reference records or pages get a copy of the referenced
 *   row's province (`<column without _id>_province`: record_province,
 *   record_a_province, keep_province, page_province...), filled by a trigger
 *   from the referenced row (hotich_fill_<that column>), and composite foreign keys
 *   MATCH FULL (a row that names a missing record is refused, as before).
 */
import { RECORD_ACTIONS_CONTENT } from './0012-audit-chain.js';
import { chainAppendFunction } from './0028-book-chains.js';

export const name = 'province-partitions';

/**
 * A trigger on a partitioned table fires on the partition (tg_table_name is
 * record_actions_p01), so the chain trigger of record_actions no longer
 * recognizes its table by name: its second argument says 'record' (0028's
 * function otherwise unchanged).
 */
const chainAppend = chainAppendFunction(`  if tg_nargs > 1 and tg_argv[1] = 'record' then
    select r.book_id into book from records r where r.id = new.record_id and r.province_code = new.province_code;`);

/** Copies the rows of `<table>_old` (every column but the generated ones) with the province of their book (`extra` joins `books b`). */
const copyRows = (table: string, extra: string) => /* sql */ `
do $do$
declare
  cols text;
  src text;
begin
  select string_agg(quote_ident(attname), ', ' order by attnum), string_agg('o.' || quote_ident(attname), ', ' order by attnum) into cols, src
    from pg_attribute where attrelid = '${table}_old'::regclass and attnum > 0 and not attisdropped and attgenerated = '';
  execute format('insert into ${table} (%s, province_code) overriding system value select %s, b.province_code from ${table}_old o ${extra}', cols, src);
end $do$;`;

/** The table comment of the old table onto the new one (LIKE … INCLUDING COMMENTS copied the columns'). */
const keepComments = (table: string) => /* sql */ `
do $do$
begin
  execute format('comment on table ${table} is %L', obj_description('${table}_old'::regclass, 'pg_class'));
end $do$;`;

/** The province column that copies the province of the row column `c` names: record_id → record_province, keep_id → keep_province. */
const provinceColumn = (c: string) => `${c.replace(/_id$/, '')}_province`;

/** The trigger function that fills that column from the referenced row (static SQL: plpgsql caches its plan). */
const fillFunction = (c: string, target: 'records' | 'pages') => /* sql */ `
create function hotich_fill_${provinceColumn(c)}() returns trigger language plpgsql as $fn$
begin
  new.${provinceColumn(c)} := (select x.province_code from ${target} x where x.id = new.${c});
  return new;
end $fn$;
comment on function hotich_fill_${provinceColumn(c)}() is 'Trigger (0032): copies the province_code of the ${target} row named by ${c} into ${provinceColumn(c)}, for the composite foreign key.';`;

/** Referencing table `t`, column `c` (→ records or pages): a province copy, its fill trigger, a composite foreign key. */
const reference = (t: string, c: string, target: 'records' | 'pages', onDelete = '') => {
  const prov = provinceColumn(c);
  return /* sql */ `
alter table ${t} add column ${prov} text;
update ${t} x set ${prov} = y.province_code from ${target} y where y.id = x.${c};
alter table ${t} add constraint ${t}_${c}_fkey foreign key (${c}, ${prov}) references ${target} (id, province_code) match full ${onDelete};
create trigger ${t}_${c}_province before insert or update of ${c} on ${t}
  for each row execute function hotich_fill_${prov}();
comment on column ${t}.${prov} is 'The province of the ${target} row named by ${c} (its partition key), filled by a trigger (0032); part of the foreign key.';`;
};

export const up = /* sql */ `
-- 1. The province of a book.
create function hotich_unit_province(p_unit text) returns text language sql stable as $fn$
  select u.code from admin_unit_within w join admin_units u on u.id = w.within_id
  where w.unit_id = p_unit and u.level = 'province' and u.code ~ '^[0-9]{2}$'
  order by case u.scheme when 'y2025' then 0 when 'legacy' then 1 else 2 end, u.code limit 1
$fn$;
comment on function hotich_unit_province(text) is 'The two-digit code of the province a unit lies within (the 2025 province first, then the pre-2025 one; a historic province such as HATAY counts through its successors only), null when the unit list does not place it.';

alter table books add column province_code text not null default '00' check (province_code ~ '^[0-9]{2}$');
update books set province_code = coalesce(hotich_unit_province(authority_unit_code), '00') where authority_unit_code is not null;
alter table books add constraint books_id_province_key unique (id, province_code);
comment on column books.province_code is 'Where the book''s rows are kept (partition key of records, record_actions, pages; 0032): the province of authority_unit_code when the book was inserted (2025 code first), ''00'' when unresolved. Never changed: it places rows, access reads authority_unit_code.';

-- 2. The partitioned tables, their rows copied.
alter table records drop constraint records_keying_of_fkey;
alter table record_actions drop constraint record_actions_record_id_fkey;
alter table qc_disagreements drop constraint qc_disagreements_record_id_fkey;
alter table qc_review_corrections drop constraint qc_review_corrections_record_id_fkey;
alter table qc_lot_samples drop constraint qc_lot_samples_record_id_fkey;
alter table export_changes drop constraint export_changes_record_id_fkey;
alter table record_findings drop constraint record_findings_record_id_fkey;
alter table person_index drop constraint person_index_record_id_fkey;
alter table extract_requests drop constraint extract_requests_record_id_fkey;
alter table extract_copies drop constraint extract_copies_record_id_fkey;
alter table link_candidates drop constraint link_candidates_record_a_fkey;
alter table link_candidates drop constraint link_candidates_record_b_fkey;
alter table link_decisions drop constraint link_decisions_keep_id_fkey;
alter table link_decisions drop constraint link_decisions_record_a_fkey;
alter table link_decisions drop constraint link_decisions_record_b_fkey;
alter table link_dirty drop constraint link_dirty_record_id_fkey;
alter table popdb_rows drop constraint popdb_rows_record_id_fkey;
alter table popdb_export_records drop constraint popdb_export_records_record_id_fkey;
alter table ocr_pages drop constraint ocr_pages_page_id_fkey;

alter table records rename to records_old;
alter table record_actions rename to record_actions_old;
alter table pages rename to pages_old;

create table records (like records_old including defaults including generated including constraints including comments,
  province_code text not null) partition by list (province_code);
create table record_actions (like record_actions_old including defaults including identity including constraints including comments,
  province_code text not null) partition by list (province_code);
create table pages (like pages_old including defaults including constraints including comments,
  province_code text not null) partition by list (province_code);
create table records_default partition of records default;
create table record_actions_default partition of record_actions default;
create table pages_default partition of pages default;
comment on table records_default is 'Partition of records for books whose province is not resolved (province_code 00), and any province without its own partition.';
comment on table record_actions_default is 'Partition of record_actions for books whose province is not resolved (province_code 00), and any province without its own partition.';
comment on table pages_default is 'Partition of pages for books whose province is not resolved (province_code 00), and any province without its own partition.';

create function hotich_province_partition(p_code text) returns void language plpgsql as $fn$
declare
  t text;
  part text;
begin
  if p_code is null or p_code !~ '^[0-9]{2}$' or p_code = '00' then
    return;
  end if;
  foreach t in array array['records', 'record_actions', 'pages'] loop
    part := t || '_p' || p_code;
    if to_regclass(part) is null then
      perform pg_advisory_xact_lock(727003, hashtext(part));
      if to_regclass(part) is null then
        execute format('create table %I partition of %I for values in (%L)', part, t, p_code);
        execute format('comment on table %I is %L', part, 'Partition of ' || t || ' for the books of province ' || p_code || ' (0032).');
      end if;
    end if;
  end loop;
end $fn$;
comment on function hotich_province_partition(text) is 'Makes the partitions of records, record_actions and pages for a province if they are missing (called when a book of that province is inserted).';

select hotich_province_partition(p) from (select distinct province_code as p from books) x;

${copyRows('records', 'join books b on b.id = o.book_id')}
${copyRows('record_actions', 'join records_old r on r.id = o.record_id join books b on b.id = r.book_id')}
${copyRows('pages', 'join books b on b.id = o.book_id')}
select setval(pg_get_serial_sequence('record_actions', 'id'), coalesce((select max(id) from record_actions), 0) + 1, false);
${keepComments('records')}
${keepComments('record_actions')}
${keepComments('pages')}

drop function audit_content(record_actions_old);
drop table record_actions_old;
drop table records_old;
drop table pages_old;

${RECORD_ACTIONS_CONTENT}

-- 3. Keys and indexes (the partition key last: a lookup by id alone is one probe per partition).
alter table records add constraint records_pkey primary key (id, province_code);
alter table records add constraint records_keying_pass_unique unique (keying_of, keying_pass, province_code);
alter table records add constraint records_book_id_fkey foreign key (book_id, province_code) references books (id, province_code);
alter table records add constraint records_keying_of_fkey foreign key (keying_of, province_code) references records (id, province_code);
alter table records add constraint records_keyed_by_fkey foreign key (keyed_by) references users (id);
create index records_book_idx on records (book_id);
create index records_book_export_order_idx on records
  (book_id, (coalesce(substring("values"->>'so' from '^\\s*(\\d{1,18})')::numeric, 1e19)), created_at, id);
create index records_book_registration_idx on records (book_id) where keying_of is null;
create index records_book_order_idx on records (book_id, so_sort, created_at, id) where keying_of is null;
create index records_keyer_completed_idx on records (keyed_by, completed_at) where keyed_by is not null and completed_at is not null;
create index records_keyer_draft_idx on records (keyed_by) where status = 'draft';
create index records_book_draft_idx on records (book_id, so_sort, created_at, id) where status = 'draft' and keying_of is null;

alter table record_actions add constraint record_actions_pkey primary key (id, province_code);
alter table record_actions add constraint record_actions_client_tx_id_key unique (client_tx_id, province_code);
alter table record_actions add constraint record_actions_record_id_fkey foreign key (record_id, province_code) references records (id, province_code);
alter table record_actions add constraint record_actions_actor_id_fkey foreign key (actor_id) references users (id);
create index record_actions_record_idx on record_actions (record_id, id);
create unique index record_actions_chain_idx on record_actions (chain_id, chain_seq, province_code);
create index record_actions_time_idx on record_actions (created_at);

alter table pages add constraint pages_pkey primary key (id, province_code);
alter table pages add constraint pages_book_id_seq_key unique (book_id, seq, province_code) deferrable;
alter table pages add constraint pages_book_id_fkey foreign key (book_id, province_code) references books (id, province_code);
alter table pages add constraint pages_ingest_file_id_fkey foreign key (ingest_file_id) references ingest_files (id);
create index pages_book_seq_idx on pages (book_id, seq);

comment on column records.province_code is 'Partition key (0032): the province_code of the book, copied by the writer; the foreign key to books (book_id, province_code) refuses a wrong copy.';
comment on column record_actions.province_code is 'Partition key (0032): the province_code of the record (of its book), copied by the writer; the foreign key to records refuses a wrong copy.';
comment on column pages.province_code is 'Partition key (0032): the province_code of the book, copied by the writer; the foreign key to books refuses a wrong copy.';

-- 4. Triggers of the old tables, on the new ones (row triggers are cloned onto every partition).
create trigger record_actions_no_update before update or delete on record_actions for each row execute function hotich_forbid_change();
create trigger record_actions_no_truncate before truncate on record_actions for each statement execute function hotich_forbid_change();
create trigger record_actions_chain before insert on record_actions for each row execute function audit_chain_append('actions', 'record');
create constraint trigger record_actions_chain_head after insert on record_actions deferrable initially deferred for each row execute function audit_head_advance();
create trigger progress_mark_records_insert after insert on records referencing new table as new_rows for each statement execute function progress_mark_records_insert();
create trigger progress_mark_records_update after update on records referencing new table as new_rows for each statement execute function progress_mark_records_update();
create trigger progress_mark_pages_insert after insert on pages referencing new table as new_rows for each statement execute function progress_mark_pages_insert();
create trigger progress_mark_pages_update after update on pages referencing new table as new_rows for each statement execute function progress_mark_pages_update();
create trigger progress_mark_pages_delete after delete on pages referencing old table as old_rows for each statement execute function progress_mark_pages_delete();

${chainAppend}

-- 5. The book trigger: its province, and the partitions of that province.
create function books_place_province() returns trigger language plpgsql as $fn$
begin
  new.province_code := coalesce(hotich_unit_province(new.authority_unit_code), '00');
  perform hotich_province_partition(new.province_code);
  return new;
end $fn$;
create trigger books_place_province before insert on books for each row execute function books_place_province();

-- 6. References to records and pages: a province copy filled from the referenced row, composite foreign keys.
${fillFunction('record_id', 'records')}
${fillFunction('record_a', 'records')}
${fillFunction('record_b', 'records')}
${fillFunction('keep_id', 'records')}
${fillFunction('page_id', 'pages')}
${reference('qc_disagreements', 'record_id', 'records')}
${reference('qc_review_corrections', 'record_id', 'records')}
${reference('qc_lot_samples', 'record_id', 'records')}
${reference('export_changes', 'record_id', 'records')}
${reference('record_findings', 'record_id', 'records', 'on delete cascade')}
${reference('person_index', 'record_id', 'records', 'on delete cascade')}
${reference('extract_requests', 'record_id', 'records')}
${reference('extract_copies', 'record_id', 'records')}
${reference('link_candidates', 'record_a', 'records', 'on delete cascade')}
${reference('link_candidates', 'record_b', 'records', 'on delete cascade')}
${reference('link_decisions', 'keep_id', 'records')}
${reference('link_decisions', 'record_a', 'records')}
${reference('link_decisions', 'record_b', 'records')}
${reference('link_dirty', 'record_id', 'records', 'on delete cascade')}
${reference('popdb_rows', 'record_id', 'records')}
${reference('popdb_export_records', 'record_id', 'records')}
${reference('ocr_pages', 'page_id', 'pages', 'on delete cascade')}
`;
