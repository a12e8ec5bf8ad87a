/**
 * The audit screen's query: the write log (record_actions with their
 * record's book, entity_actions) or the read log (access_log), newest first
 * by place in the chain, filtered, restricted to what the actor may see. The
 * caller hands in the scope (audit imports no domain module): a predicate
 * "this book column names a book the actor sees" and whether the actor sees
 * everything — rows that belong to no book (users, grants, searches) are
 * shown only then.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../store/index.js';
import type { AuditItem, AuditPage, AuditQuery } from './audit-list.schema.js';

export interface AuditScope {
  bookVisible: (bookIdColumn: string) => RawBuilder<SqlBool>;
  seesEverything: boolean;
}

interface Side {
  from: RawBuilder<unknown>;
  alias: string;
  book: string;
  at: string;
  record: RawBuilder<unknown>;
}

/** The conditions of one side of the query (its own columns), joined with and. */
function conditions(side: Side, scope: AuditScope, q: AuditQuery): RawBuilder<SqlBool> {
  const a = side.alias;
  const c: RawBuilder<unknown>[] = [];
  if (!scope.seesEverything) c.push(sql`${sql.ref(side.book)} is not null and ${scope.bookVisible(side.book)}`);
  if (q.user) c.push(sql`${sql.ref(`${a}.actor_id`)} in (select id from users where login = ${q.user})`);
  if (q.unit) c.push(sql`exists (select 1 from books ub join admin_unit_within uw on uw.unit_id = ub.authority_unit_code where ub.id = ${sql.ref(side.book)} and uw.within_id = ${q.unit})`);
  if (q.record) c.push(sql`${side.record} = ${q.record}`);
  if (q.book) c.push(sql`${sql.ref(side.book)} = ${q.book}::uuid`);
  if (q.from) c.push(sql`${sql.ref(side.at)} >= cast(${`${q.from}T00:00:00+07:00`} as timestamptz)`);
  if (q.to) c.push(sql`${sql.ref(side.at)} < cast(${`${q.to}T00:00:00+07:00`} as timestamptz) + interval '1 day'`);
  if (q.before) c.push(sql`${sql.ref(`${a}.chain_seq`)} < ${q.before}::bigint`);
  return c.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`${sql.join(c, sql` and `)}`;
}

const recordSide = (scope: AuditScope, q: AuditQuery) => {
  const side: Side = { from: sql`record_actions ra left join records rr on rr.id = ra.record_id`, alias: 'ra', book: 'rr.book_id', at: 'ra.created_at', record: sql`ra.record_id` };
  return sql`(select 'record_actions' as tbl, ra.chain_seq as seq, ra.id, ra.created_at as at, ra.actor_id, ra.kind, 'record' as entity_type,
      ra.record_id::text as entity_id, rr.book_id, ra.record_id, '' as reason, '' as ip, '' as user_agent
    from ${side.from} where ${conditions(side, scope, q)} order by ra.chain_seq desc limit ${q.limit + 1})`;
};

const entitySide = (scope: AuditScope, q: AuditQuery) => {
  const side: Side = { from: sql`entity_actions ea`, alias: 'ea', book: 'ea.book_id', at: 'ea.created_at', record: sql`ea.entity_id` };
  return sql`(select 'entity_actions' as tbl, ea.chain_seq as seq, ea.id, ea.created_at as at, ea.actor_id, ea.kind, ea.entity_type,
      ea.entity_id, ea.book_id, null::uuid as record_id, ea.reason, '' as ip, '' as user_agent
    from ${side.from} where ${conditions(side, scope, q)} order by ea.chain_seq desc limit ${q.limit + 1})`;
};

const accessSide = (scope: AuditScope, q: AuditQuery) => {
  const side: Side = { from: sql`access_log al`, alias: 'al', book: 'al.book_id', at: 'al.at', record: sql`(case when al.entity_type = 'record' then al.entity_id end)` };
  return sql`(select 'access_log' as tbl, al.chain_seq as seq, al.id, al.at, al.actor_id, al.action as kind, al.entity_type,
      al.entity_id, al.book_id, null::uuid as record_id, '' as reason, al.ip, al.user_agent
    from ${side.from} where ${conditions(side, scope, q)} order by al.chain_seq desc limit ${q.limit + 1})`;
};

interface Raw {
  tbl: AuditItem['table'];
  seq: string;
  id: string;
  at: Date;
  actor_id: string | null;
  login: string | null;
  display_name: string | null;
  kind: string;
  entity_type: string;
  entity_id: string;
  book_id: string | null;
  record_id: string | null;
  reason: string;
  ip: string;
  user_agent: string;
}

const toItem =
  (log: AuditQuery['log']) =>
  (r: Raw): AuditItem => ({
    log,
    seq: r.seq,
    table: r.tbl,
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actor_id,
    actorLogin: r.login,
    actorName: r.display_name,
    kind: r.kind,
    entityType: r.entity_type,
    entityId: r.entity_id,
    bookId: r.book_id,
    recordId: r.record_id ?? (r.entity_type === 'record' ? r.entity_id : null),
    reason: r.reason,
    ip: r.ip,
    userAgent: r.user_agent,
  });

export async function listAuditEntries(db: Kysely<Database>, scope: AuditScope, q: AuditQuery): Promise<AuditPage> {
  const sides = q.log === 'access' ? [accessSide(scope, q)] : [recordSide(scope, q), entitySide(scope, q)];
  const rows = await sql<Raw>`select x.*, u.login, u.display_name from (${sql.join(sides, sql` union all `)}) x
    left join users u on u.id = x.actor_id order by x.seq desc limit ${q.limit + 1}`.execute(db);
  const items = rows.rows.slice(0, q.limit).map(toItem(q.log));
  return { items, next: rows.rows.length > q.limit ? items.at(-1)!.seq : null };
}
