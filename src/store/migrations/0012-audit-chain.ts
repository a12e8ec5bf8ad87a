/**
 * 0012 — tamper-evident audit: every row of the write log (record_actions and
 * entity_actions, interleaved in one chain 'actions') and of the read log
 * (access_log, its own chain 'access', so reads never wait for writes)
 * carries its place in the chain (chain_seq), the previous row's hash and its
 * own hash = SHA-256(prev_hash ‖ canonical content). A BEFORE INSERT trigger
 * computes them under a lock of the chain; a deferred trigger moves the
 * chain's head (audit_heads) at commit; existing rows are chained here,
 * oldest first. audit_checkpoints keeps the head as it
 * was each day, to be published outside the database.
 */
export const name = 'audit-chain';

const CHAINED = ['record_actions', 'entity_actions', 'access_log'] as const;

const chainColumns = CHAINED.map((t) => `alter table ${t} add column chain_id text, add column chain_seq bigint, add column prev_hash text, add column hash text;`).join('\n');

const tighten = CHAINED.map(
  (t) => `alter table ${t} alter column chain_id set not null, alter column chain_seq set not null, alter column prev_hash set not null, alter column hash set not null;
create unique index ${t}_chain_idx on ${t} (chain_id, chain_seq);`,
).join('\n');

/** One length-prefixed field of the canonical content: 'n:value;' (n = bytes in UTF-8), or '-;' for null. */
/** What a record_actions row's hash covers (0032 re-creates it for the partitioned table, whose row type it takes). */
export const RECORD_ACTIONS_CONTENT = /* sql */ `create function audit_content(r record_actions) returns text language sql immutable as $fn$
  select audit_field('record_actions') || audit_field(r.chain_id) || audit_field(r.chain_seq::text) || audit_field(r.id::text)
    || audit_field(r.record_id::text) || audit_field(r.client_tx_id) || audit_field(r.kind) || audit_field(r.actor_id::text)
    || audit_field(r.payload::text) || audit_field(audit_micros(r.created_at))
$fn$;`;

const functions = /* sql */ `
create function audit_field(v text) returns text language sql immutable as $fn$
  select case when v is null then '-;' else octet_length(v)::text || ':' || v || ';' end
$fn$;

create function audit_micros(t timestamptz) returns text language sql immutable as $fn$
  select (extract(epoch from t) * 1000000)::bigint::text
$fn$;

create function audit_row_hash(prev_hash text, content text) returns text language sql immutable as $fn$
  select encode(sha256(convert_to(prev_hash || content, 'UTF8')), 'hex')
$fn$;

${RECORD_ACTIONS_CONTENT}

create function audit_content(r entity_actions) returns text language sql immutable as $fn$
  select audit_field('entity_actions') || audit_field(r.chain_id) || audit_field(r.chain_seq::text) || audit_field(r.id::text)
    || audit_field(r.entity_type) || audit_field(r.entity_id) || audit_field(r.book_id::text) || audit_field(r.kind)
    || audit_field(r.actor_id::text) || audit_field(r.client_tx_id) || audit_field(r.reason) || audit_field(r.payload::text)
    || audit_field(audit_micros(r.created_at))
$fn$;

create function audit_content(r access_log) returns text language sql immutable as $fn$
  select audit_field('access_log') || audit_field(r.chain_id) || audit_field(r.chain_seq::text) || audit_field(r.id::text)
    || audit_field(r.actor_id::text) || audit_field(r.action) || audit_field(r.entity_type) || audit_field(r.entity_id)
    || audit_field(r.book_id::text) || audit_field(r.ip) || audit_field(r.user_agent) || audit_field(audit_micros(r.at))
$fn$;
`;

/** The last row of chain `c` in the chained tables (static SQL: plpgsql caches its plan). */
const TAIL = /* sql */ `select x.tbl, x.id, x.chain_seq, x.hash from (
    (select 'record_actions'::text as tbl, id, chain_seq, hash from record_actions where chain_id = c order by chain_seq desc limit 1)
    union all (select 'entity_actions', id, chain_seq, hash from entity_actions where chain_id = c order by chain_seq desc limit 1)
    union all (select 'access_log', id, chain_seq, hash from access_log where chain_id = c order by chain_seq desc limit 1)
  ) x order by x.chain_seq desc limit 1`;

/**
 * The chaining triggers. Writers of a chain are serialized by a transaction
 * advisory lock on the chain (held until commit). BEFORE INSERT: the row goes
 * after the later of the stored head and the chain's last row (rows this
 * transaction already added), and gets its hash; it always computes (chain
 * values given by the writer are ignored). A row then dropped by ON CONFLICT
 * DO NOTHING leaves no trace: the next row takes the same place. The head
 * row is moved once per transaction, by a deferred trigger at commit, to the
 * chain's last row (moving it per row would leave thousands of versions of
 * one row in a bulk import). A last row deleted later stays visible: the
 * head still names it, and the next row is chained after it.
 */
const trigger = /* sql */ `
create function audit_chain_append() returns trigger language plpgsql as $fn$
declare
  c text := tg_argv[0];
  head_seq bigint;
  head_hash text;
  tail record;
begin
  perform pg_advisory_xact_lock(727002, hashtext(c));
  select seq, hash into head_seq, head_hash from audit_heads where chain_id = c;
  if not found then
    raise exception 'chuỗi kiểm toán "%" chưa có đầu chuỗi trong audit_heads', c;
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
$fn$;

create function audit_head_advance() returns trigger language plpgsql as $fn$
declare
  c text := new.chain_id;
  flag text := 'hotich.audit_head_' || md5(c);
  tail record;
begin
  -- The first of this transaction's events moves the head to the last row; the others have nothing to do.
  if coalesce(nullif(current_setting(flag, true), ''), '0')::bigint >= new.chain_seq then
    return null;
  end if;
  ${TAIL} into tail;
  update audit_heads set seq = tail.chain_seq, hash = tail.hash, row_table = tail.tbl, row_id = tail.id, updated_at = now()
    where chain_id = c and seq < tail.chain_seq;
  perform set_config(flag, tail.chain_seq::text, true);
  return null;
end
$fn$;
`;

/** Chains the rows already there, oldest first (the write chain interleaves its two tables by time). */
const backfill = /* sql */ `
create function audit_backfill_chain(p_chain text, p_tables text[]) returns void language plpgsql as $fn$
declare
  r record;
  n bigint := 0;
  prev text := repeat('0', 64);
  h text;
  last_t text;
  last_id bigint;
  ra record_actions;
  ea entity_actions;
  al access_log;
begin
  for r in
    select 'record_actions' as t, id, created_at as at from record_actions where 'record_actions' = any(p_tables)
    union all select 'entity_actions', id, created_at from entity_actions where 'entity_actions' = any(p_tables)
    union all select 'access_log', id, at from access_log where 'access_log' = any(p_tables)
    order by at, t desc, id
  loop
    n := n + 1;
    if r.t = 'record_actions' then
      select * into ra from record_actions where id = r.id;
      ra.chain_id := p_chain; ra.chain_seq := n; ra.prev_hash := prev;
      h := audit_row_hash(prev, audit_content(ra));
      update record_actions set chain_id = p_chain, chain_seq = n, prev_hash = prev, hash = h where id = r.id;
    elsif r.t = 'entity_actions' then
      select * into ea from entity_actions where id = r.id;
      ea.chain_id := p_chain; ea.chain_seq := n; ea.prev_hash := prev;
      h := audit_row_hash(prev, audit_content(ea));
      update entity_actions set chain_id = p_chain, chain_seq = n, prev_hash = prev, hash = h where id = r.id;
    else
      select * into al from access_log where id = r.id;
      al.chain_id := p_chain; al.chain_seq := n; al.prev_hash := prev;
      h := audit_row_hash(prev, audit_content(al));
      update access_log set chain_id = p_chain, chain_seq = n, prev_hash = prev, hash = h where id = r.id;
    end if;
    prev := h;
    last_t := r.t;
    last_id := r.id;
  end loop;
  if n > 0 then
    update audit_heads set seq = n, hash = h, row_table = last_t, row_id = last_id, updated_at = now() where chain_id = p_chain;
  end if;
end
$fn$;

alter table record_actions disable trigger record_actions_no_update;
alter table entity_actions disable trigger entity_actions_no_update;
alter table access_log disable trigger access_log_no_update;
select audit_backfill_chain('actions', array['record_actions', 'entity_actions']);
select audit_backfill_chain('access', array['access_log']);
alter table record_actions enable trigger record_actions_no_update;
alter table entity_actions enable trigger entity_actions_no_update;
alter table access_log enable trigger access_log_no_update;
drop function audit_backfill_chain(text, text[]);
`;

export const up = /* sql */ `
create table audit_heads (
  chain_id   text primary key,
  seq        bigint not null check (seq >= 0),
  hash       text not null check (hash ~ '^[0-9a-f]{64}$'),
  row_table  text,
  row_id     bigint,
  updated_at timestamptz not null default now()
);
comment on table audit_heads is
  'The head of each audit hash chain: seq and hash of its last row (row_table, row_id name it). Chains: actions = record_actions + entity_actions (every write), access = access_log (every read of personal data). Moved at commit by the deferred trigger audit_head_advance to the chain''s last row; writers of a chain are serialized by a transaction advisory lock (audit_chain_append), so a chain''s rows get 1, 2, 3... without gaps. seq 0 with 64 zeros is the empty chain (the first row''s prev_hash). An installation serves one province; chain_id lets a deployment of many provinces key chains by province later.';
insert into audit_heads (chain_id, seq, hash) values ('actions', 0, repeat('0', 64)), ('access', 0, repeat('0', 64));

create table audit_checkpoints (
  chain_id  text not null references audit_heads(chain_id),
  day       date not null,
  seq       bigint not null check (seq >= 0),
  hash      text not null check (hash ~ '^[0-9a-f]{64}$'),
  row_table text,
  row_id    bigint,
  taken_at  timestamptz not null default now(),
  primary key (chain_id, day)
);
comment on table audit_checkpoints is
  'The head of each chain as it was on a day (hotich audit checkpoint, run nightly): to be published or signed OUTSIDE the database; audit verify checks that the row at seq still has this hash. At most one per chain and day (Vietnam time). Append-only (trigger).';
create trigger audit_checkpoints_no_update before update or delete on audit_checkpoints
  for each row execute function hotich_forbid_change();
create trigger audit_checkpoints_no_truncate before truncate on audit_checkpoints
  for each statement execute function hotich_forbid_change();

${chainColumns}
${functions}
${trigger}
${backfill}
${tighten}

create trigger record_actions_chain before insert on record_actions for each row execute function audit_chain_append('actions');
create trigger entity_actions_chain before insert on entity_actions for each row execute function audit_chain_append('actions');
create trigger access_log_chain before insert on access_log for each row execute function audit_chain_append('access');
create constraint trigger record_actions_chain_head after insert on record_actions deferrable initially deferred for each row execute function audit_head_advance();
create constraint trigger entity_actions_chain_head after insert on entity_actions deferrable initially deferred for each row execute function audit_head_advance();
create constraint trigger access_log_chain_head after insert on access_log deferrable initially deferred for each row execute function audit_head_advance();

comment on function audit_row_hash(text, text) is
  'hash of a chained row = hex SHA-256 of (prev_hash ‖ audit_content(row)); the trigger and hotich audit verify use these same functions.';
comment on column record_actions.hash is 'Audit chain (0012): hex SHA-256 of prev_hash ‖ audit_content(row); chain_seq is the place in chain_id.';
comment on column entity_actions.hash is 'Audit chain (0012): hex SHA-256 of prev_hash ‖ audit_content(row); chain_seq is the place in chain_id.';
comment on column access_log.hash is 'Audit chain (0012): hex SHA-256 of prev_hash ‖ audit_content(row); chain_seq is the place in chain_id.';
`;
