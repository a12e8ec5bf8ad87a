/**
 * The audit screen's query: the write log (record_actions with their
 * record's book, entity_actions) or the read log (access_log), newest first
 * by time (then entity actions before the record actions of the same
 * transaction, then by id: places in the chains are per book since 0028 and
 * order nothing across books), filtered, restricted to what the actor may see. The
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
  /** Orders the tables' rows of one instant: entity_actions (1) after record_actions (0). */
  rank: number;
  record: RawBuilder<unknown>;
}

/** The paging key of a row: "<microseconds since 1970>-<rank>-<id>". */
const CURSOR = /^(\d{1,20})-([01])-(\d{1,18})$/;

const cursorOf = (side: Side) => sql`audit_micros(${sql.ref(side.at)}) || '-' || ${sql.lit(side.rank)} || '-' || ${sql.ref(`${side.alias}.id`)}`;

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
  const before = q.before ? CURSOR.exec(q.before) : null;
  if (before) {
    const [, micros, rank, id] = before;
    c.push(sql`(${sql.ref(side.at)}, ${sql.lit(side.rank)}, ${sql.ref(`${a}.id`)}) < (timestamptz 'epoch' + ${micros}::bigint * interval '1 microsecond', ${Number(rank)}::int, ${id}::bigint)`);
  }
  return c.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`${sql.join(c, sql` and `)}`;
}

const recordSide = (scope: AuditScope, q: AuditQuery) => {
  const side: Side = { from: sql`record_actions ra left join records rr on rr.id = ra.record_id`, alias: 'ra', rank: 0, book: 'rr.book_id', at: 'ra.created_at', record: sql`ra.record_id` };
  return sql`(select 'record_actions' as tbl, ra.chain_seq as seq, ${cursorOf(side)} as cursor, 0 as rank, ra.id, ra.created_at as at, ra.actor_id, ra.kind, 'record' as entity_type,
      ra.record_id::text as entity_id, rr.book_id, ra.record_id, '' as reason, '' as ip, '' as user_agent
    from ${side.from} where ${conditions(side, scope, q)} order by ra.created_at desc, ra.id desc limit ${q.limit + 1})`;
};

const entitySide = (scope: AuditScope, q: AuditQuery) => {
  const side: Side = { from: sql`entity_actions ea`, alias: 'ea', rank: 1, book: 'ea.book_id', at: 'ea.created_at', record: sql`ea.entity_id` };
  return sql`(select 'entity_actions' as tbl, ea.chain_seq as seq, ${cursorOf(side)} as cursor, 1 as rank, ea.id, ea.created_at as at, ea.actor_id, ea.kind, ea.entity_type,
      ea.entity_id, ea.book_id, null::uuid as record_id, ea.reason, '' as ip, '' as user_agent
    from ${side.from} where ${conditions(side, scope, q)} order by ea.created_at desc, ea.id desc limit ${q.limit + 1})`;
};

const accessSide = (scope: AuditScope, q: AuditQuery) => {
  const side: Side = { from: sql`access_log al`, alias: 'al', rank: 0, book: 'al.book_id', at: 'al.at', record: sql`(case when al.entity_type = 'record' then al.entity_id end)` };
  return sql`(select 'access_log' as tbl, al.chain_seq as seq, ${cursorOf(side)} as cursor, 0 as rank, al.id, al.at, al.actor_id, al.action as kind, al.entity_type,
      al.entity_id, al.book_id, null::uuid as record_id, '' as reason, al.ip, al.user_agent
    from ${side.from} where ${conditions(side, scope, q)} order by al.at desc, al.id desc limit ${q.limit + 1})`;
};

interface Raw {
  tbl: AuditItem['table'];
  seq: string;
  cursor: string;
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
    left join users u on u.id = x.actor_id order by x.at desc, x.rank desc, x.id desc limit ${q.limit + 1}`.execute(db);
  const items = rows.rows.slice(0, q.limit).map(toItem(q.log));
  return { items, next: rows.rows.length > q.limit ? rows.rows[q.limit - 1]!.cursor : null };
}
