/**
 * 0028 — one audit chain per book (src/audit chain.ts). Under 0012 every
 * write of the province took the one lock of the 'actions' chain and held it
 * until commit, so every save in the province waited for the one before it
 * (bench:load: p95 save 7.6 s with 50 keyers). A row that belongs to a book
 * (a record's action: its record's book; an entity action or a read with a
 * book_id) now goes to that book's chain, '<log>:<book id>' ('actions:…',
 * 'access:…'); rows of no book (users, grants, searches, exports) stay in
 * 'actions' and 'access'. Writers of different books no longer wait for each
 * other; writers of one book still do, so each book's chain has no gaps.
 * A book's chain starts at the genesis hash and gets its head row on its
 * first row. Rows already there are not touched: they keep their chain
 * ('actions' or 'access'), place and hash, and verify as before.
 */
export const name = 'book-chains';

/** The last row of chain `c` in the chained tables (as in 0012; static SQL: plpgsql caches its plan). */
export const TAIL = /* sql */ `select x.tbl, x.id, x.chain_seq, x.hash from (
    (select 'record_actions'::text as tbl, id, chain_seq, hash from record_actions where chain_id = c order by chain_seq desc limit 1)
    union all (select 'entity_actions', id, chain_seq, hash from entity_actions where chain_id = c order by chain_seq desc limit 1)
    union all (select 'access_log', id, chain_seq, hash from access_log where chain_id = c order by chain_seq desc limit 1)
  ) x order by x.chain_seq desc limit 1`;

/**
 * The chain trigger function; `recordBook` is the branch that finds a
 * record_actions row's book (0032 changes it: on a partitioned table the
 * trigger fires on the partition, so tg_table_name no longer says
 * record_actions).
 */
export const chainAppendFunction = (recordBook: string) => /* sql */ `create or replace function audit_chain_append() returns trigger language plpgsql as $fn$
declare
  family text := tg_argv[0];
  book uuid;
  c text;
  head_seq bigint;
  head_hash text;
  tail record;
begin
${recordBook}
  else
    book := new.book_id;
  end if;
  c := case when book is null then family else family || ':' || book::text end;
  perform pg_advisory_xact_lock(727002, hashtext(c));
  select seq, hash into head_seq, head_hash from audit_heads where chain_id = c;
  if not found then
    if book is null then
      raise exception 'chuỗi kiểm toán "%" chưa có đầu chuỗi trong audit_heads', c;
    end if;
    insert into audit_heads (chain_id, seq, hash) values (c, 0, repeat('0', 64));
    head_seq := 0;
    head_hash := repeat('0', 64);
  end if;
  ${TAIL} into tail;
  if tail.chain_seq is not null and tail.chain_seq > head_seq then
    head_seq := tail.chain_seq;
    head_hash := tail.hash;
  end if;
  new.chain_id := c;
  new.chain_seq := head_seq + 1;
  new.prev_hash := head_hash;
  new.hash := audit_row_hash(head_hash, audit_content(new));
  return new;
end
$fn$;`;

export const up = /* sql */ `
${chainAppendFunction(`  if tg_table_name = 'record_actions' then
    select r.book_id into book from records r where r.id = new.record_id;`)}

comment on table audit_heads is
  'The head of each audit hash chain: seq and hash of its last row (row_table, row_id name it). Chains (0028): "actions:<book id>" = the writes of one book (record_actions of its records, entity_actions with its book_id), "access:<book id>" = the reads of personal data of one book (access_log with its book_id); "actions" and "access" = the rows of no book, and every row written before 0028. A book''s head row is made with its first row. Moved at commit by the deferred trigger audit_head_advance to the chain''s last row; writers of one chain are serialized by a transaction advisory lock (audit_chain_append), so a chain''s rows get 1, 2, 3... without gaps, and writers of different books do not wait for each other. seq 0 with 64 zeros is the empty chain (the first row''s prev_hash).';
`;
