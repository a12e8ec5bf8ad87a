/**
 * 0016 — paging at campaign scale. Books get a folded search key (a generated
 * column: lower-case ASCII words of the authority, volume number and notes,
 * diacritics and đ folded as src/vn searchKey does) and a keyset index for the
 * newest-first list. Records get their registration-number sort key (so_sort,
 * generated from values.so as parseInt reads it) and an index in list order.
 * record_findings keeps each registration's validation findings, stamped with
 * the record version and the rules version they were computed for.
 */
export const name = 'paging';

export const up = /* sql */ `
alter table books add column search_key text generated always as (
  trim(regexp_replace(lower(translate(authority_text || ' ' || volume_no || ' ' || notes,
    'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïðñòóôõöøùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľŁłŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ''’ʼ‘\`´',
    'aaaaaaceeeeiiiidnoooooouuuuyaaaaaaceeeeiiiidnoooooouuuuyyaaaaaaccccccccddddeeeeeeeeeegggggggghhiiiiiiiiiijjkkllllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy')),
    '[^a-z0-9]+', ' ', 'g'))
) stored;
comment on column books.search_key is 'Generated: the authority text, volume number and notes as lower-case ASCII words (Vietnamese diacritics and đ folded, apostrophes dropped, anything else a space), for the text filter of the book list (matched by word start).';
create index books_list_idx on books (created_at desc, id desc);

alter table records add column so_sort bigint not null generated always as (
  coalesce(case when "values"->>'so' ~ '^\\s*[+-]?[0-9]' then substring("values"->>'so' from '^\\s*([+-]?[0-9]{1,15})')::bigint end, 999999999999999999)
) stored;
comment on column records.so_sort is 'Generated: the registration number (values.so) read like parseInt (its leading digits), or 999999999999999999 when it does not start with one (such records list last). A book''s registrations list in (so_sort, created_at, id) order.';
create index records_book_order_idx on records (book_id, so_sort, created_at, id) where keying_of is null;

create table record_findings (
  record_id      uuid primary key references records(id) on delete cascade,
  book_id        uuid not null references books(id),
  record_version integer not null,
  rules_version  text not null,
  findings       jsonb not null,
  errors         integer not null,
  unacknowledged integer not null,
  computed_at    timestamptz not null default now()
);
create index record_findings_book_idx on record_findings (book_id);
comment on table record_findings is
  'Stored validation findings of each registration (derived data, never the authority: a save or completion validates afresh). findings is the register validator''s output as of the record''s last change (WARNINGs marked acknowledged), errors and unacknowledged count what blocks completion. record_version and rules_version stamp what it was computed from: a row whose stamp differs from the record''s version or from the running catalog/rules version is stale and is recomputed when read. Written with the record''s projection in the same transaction.';
`;
