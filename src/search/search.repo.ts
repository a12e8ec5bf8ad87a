/**
 * The search query over person_index. Candidates come from B-tree keys only
 * (exact folded name; tên + họ; tên one edit away + họ; họ one edit away +
 * tên; tên + the typed name as a suffix when the họ was left out); each
 * branch is capped. Trigram similarity (pg_trgm, schema public) then ranks
 * that small set. When the keys find nothing and a selective filter is given
 * (year or dates, unit, register type, số), the trigram operator `%` runs
 * under that filter: never over the whole table.
 * Scope: `scoped` puts bookInScope into the WHERE clause; otherwise (the
 * province-wide view of extracts.issue) every row comes back with in_scope
 * telling whether the caller may open it.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { bookInScope, type Actor } from '../auth/index.js';
import type { Database } from '../store/index.js';
import type { NameQuery } from './query.js';

export interface SearchFilters {
  registerType?: string;
  /** ISO days, inclusive; a person matches when her birth or the registration date may fall inside. */
  from?: string;
  to?: string;
  /**
   * An admin_units id: the books of every unit within it (below it, and the
   * old units merged into it) and of its direct successors (an old commune's
   * 2025 commune), so a historical name finds the books before and after.
   */
  unitId?: string;
  so?: string;
}

export interface HitRow {
  record_id: string;
  role: string;
  book_id: string;
  register_type: string;
  full_name: string;
  name_tone: string;
  name_fold: string;
  birth_lo: string | null;
  birth_hi: string | null;
  reg_so: string;
  quyen_so: string;
  reg_date: string;
  page_id: string | null;
  authority_text: string;
  authority_unit_code: string | null;
  volume_no: string;
  record_status: string;
  sim: number;
  in_scope: boolean;
}

/** Rows one branch may bring: enough for any real block, bounded for the worst (a common tên with no year). */
const BRANCH_CAP = 3000;
const MIN_SIMILARITY = 0.3;

const TRUE = sql<SqlBool>`true`;

function filterSql(f: SearchFilters): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [];
  if (f.registerType) parts.push(sql<SqlBool>`p.register_type = ${f.registerType}`);
  if (f.so) parts.push(sql<SqlBool>`p.reg_so = ${f.so}`);
  if (f.from || f.to) {
    const from = f.from ?? '0001-01-01';
    const to = f.to ?? '9999-12-31';
    parts.push(sql<SqlBool>`((p.birth_lo <= ${to}::date and p.birth_hi >= ${from}::date) or (p.event_lo <= ${to}::date and p.event_hi >= ${from}::date))`);
  }
  if (f.unitId) {
    parts.push(sql<SqlBool>`p.book_id in (select fb.id from books fb where fb.authority_unit_code in (
      select fw.unit_id from admin_unit_within fw where fw.within_id = ${f.unitId}
      union select fs.to_id from admin_unit_successors fs where fs.from_id = ${f.unitId}))`);
  }
  return parts.length === 0 ? TRUE : sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

export function hasSelectiveFilter(f: SearchFilters): boolean {
  return Boolean(f.from || f.to || f.unitId || f.registerType || f.so);
}

/** A year given as a filter narrows the B-tree blocks on birth_year as well (only when one year is asked). */
function branches(q: NameQuery, f: SearchFilters): RawBuilder<unknown>[] {
  const where = filterSql(f);
  const branch = (cond: RawBuilder<SqlBool>) => sql`(select p.record_id, p.role from person_index p where ${cond} and ${where} limit ${BRANCH_CAP})`;
  const out = [branch(sql<SqlBool>`p.name_fold = ${q.fold}`)];
  if (q.words > 1) {
    out.push(branch(sql<SqlBool>`p.ten_key = ${q.ten} and p.ho_key = ${q.ho}`));
    if (q.tenVariants.length > 0) out.push(branch(sql<SqlBool>`p.ten_key in (${sql.join(q.tenVariants)}) and p.ho_key = ${q.ho}`));
    if (q.hoVariants.length > 0) out.push(branch(sql<SqlBool>`p.ten_key = ${q.ten} and p.ho_key in (${sql.join(q.hoVariants)})`));
    out.push(branch(sql<SqlBool>`p.ten_key = ${q.ten} and p.name_fold like ${'% ' + q.fold}`));
  } else {
    out.push(branch(sql<SqlBool>`p.ten_key = ${q.ten}`));
    if (hasSelectiveFilter(f)) {
      out.push(branch(sql<SqlBool>`p.ho_key = ${q.ho}`));
      if (q.tenVariants.length > 0) out.push(branch(sql<SqlBool>`p.ten_key in (${sql.join(q.tenVariants)})`));
    }
  }
  return out;
}

function trigramBranch(q: NameQuery, f: SearchFilters): RawBuilder<unknown> {
  return sql`(select p.record_id, p.role from person_index p
    where p.name_fold operator(public.%) ${q.fold} and ${filterSql(f)} limit ${BRANCH_CAP})`;
}

async function ranked(db: Kysely<Database>, actor: Actor, q: NameQuery, candidates: RawBuilder<unknown>[], scoped: boolean, limit: number): Promise<HitRow[]> {
  const scope = bookInScope(actor, 'p.book_id');
  const { rows } = await sql<HitRow>`
    with cand as (${sql.join(candidates, sql` union `)})
    select p.record_id, p.role, p.book_id, p.register_type, p.full_name, p.name_tone, p.name_fold,
      p.birth_lo::text as birth_lo, p.birth_hi::text as birth_hi, p.reg_so, p.quyen_so, p.reg_date, p.page_id,
      b.authority_text, b.authority_unit_code, b.volume_no, r.status as record_status,
      public.similarity(p.name_fold, ${q.fold})::float8 as sim, ${scoped ? TRUE : scope} as in_scope
    from cand join person_index p on p.record_id = cand.record_id and p.role = cand.role
      join books b on b.id = p.book_id join records r on r.id = p.record_id
    where ${scoped ? scope : TRUE}
      and (p.name_fold = ${q.fold} or public.similarity(p.name_fold, ${q.fold}) >= ${MIN_SIMILARITY})
    order by (p.name_tone = ${q.tone}) desc, (p.name_fold = ${q.fold}) desc, sim desc, p.birth_lo nulls last, p.record_id, p.role
    limit ${limit}`.execute(db);
  return rows.map((r) => ({ ...r, sim: Number(r.sim), in_scope: Boolean(r.in_scope) }));
}

/** Ranked hits: B-tree blocks first; the filtered trigram fallback when they find nothing. */
export async function findPeople(db: Kysely<Database>, actor: Actor, q: NameQuery, f: SearchFilters, opts: { scoped: boolean; limit: number }): Promise<{ rows: HitRow[]; fallback: boolean }> {
  const rows = await ranked(db, actor, q, branches(q, f), opts.scoped, opts.limit);
  if (rows.length > 0 || !hasSelectiveFilter(f)) return { rows, fallback: false };
  return { rows: await ranked(db, actor, q, [trigramBranch(q, f)], opts.scoped, opts.limit), fallback: true };
}
