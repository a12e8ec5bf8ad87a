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
import { headTail } from './person-rows.js';
import type { NameQuery } from './query.js';

export interface SearchFilters {
  /** Only books the actor may see (bookInScope), applied inside every branch so a cap never fills with unseen rows. */
  scope?: RawBuilder<SqlBool>;
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
/** Rows a one-edit-away branch may bring: its block mixes real neighbouring names (hương → thương, cường, dương…). */
const VARIANT_CAP = 1000;
const MIN_SIMILARITY = 0.3;
/** The exact tier reads this many pages of rows, so the same spelling with diacritics can come first among them. */
const EXACT_PAGES = 10;

const TRUE = sql<SqlBool>`true`;

function filterSql(f: SearchFilters): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = f.scope ? [f.scope] : [];
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

/** The columns a branch brings (the candidate rows themselves: never joined back to the table). */
const COLUMNS = sql`p.record_id, p.role, p.book_id, p.register_type, p.full_name, p.name_tone, p.name_fold,
  p.birth_lo::text as birth_lo, p.birth_hi::text as birth_hi, p.reg_so, p.quyen_so, p.reg_date, p.page_id`;

const branchOf =
  (f: SearchFilters) =>
  (cond: RawBuilder<SqlBool>, cap = BRANCH_CAP) =>
    sql`(select ${COLUMNS} from person_index p where ${cond} and ${filterSql(f)} limit ${cap})`;

/** The B-tree blocks of a name: exact folded name; tên + họ; one letter off in tên or in họ; the name without its họ. */
function branches(q: NameQuery, f: SearchFilters): RawBuilder<unknown>[] {
  const branch = branchOf(f);
  const out = [branch(sql<SqlBool>`p.name_fold = ${q.fold}`)];
  if (q.words > 1) {
    out.push(branch(sql<SqlBool>`p.ten_key = ${q.ten} and p.ho_key = ${q.ho}`));
    // A slip in tên keeps every word before it exact (head_key), a slip in họ every word after it (tail_key): exact B-tree probes.
    const { head_key: head, tail_key: tail } = headTail(q.fold);
    if (q.tenVariants.length > 0) out.push(branch(sql<SqlBool>`p.head_key = ${head} and p.ten_key in (${sql.join(q.tenVariants)})`, VARIANT_CAP));
    if (q.hoVariants.length > 0) out.push(branch(sql<SqlBool>`p.tail_key = ${tail} and p.ho_key in (${sql.join(q.hoVariants)})`, VARIANT_CAP));
    // right() rather than LIKE '% …': the planner must take the tên B-tree, not the trigram index.
    out.push(branch(sql<SqlBool>`p.ten_key = ${q.ten} and right(p.name_fold, ${q.fold.length + 1}) = ${' ' + q.fold}`));
  } else {
    out.push(branch(sql<SqlBool>`p.ten_key = ${q.ten}`));
    if (hasSelectiveFilter(f)) {
      out.push(branch(sql<SqlBool>`p.ho_key = ${q.ho}`));
      if (q.tenVariants.length > 0) out.push(branch(sql<SqlBool>`p.ten_key in (${sql.join(q.tenVariants)})`, VARIANT_CAP));
    }
  }
  return out;
}

function trigramBranch(q: NameQuery, f: SearchFilters): RawBuilder<unknown> {
  return branchOf(f)(sql<SqlBool>`p.name_fold operator(public.%) ${q.fold}`);
}

async function ranked(db: Kysely<Database>, actor: Actor, q: NameQuery, candidates: RawBuilder<unknown>[], scoped: boolean, limit: number): Promise<HitRow[]> {
  const scope = bookInScope(actor, 'c.book_id');
  const { rows } = await sql<HitRow>`
    with cand as (${sql.join(candidates, sql` union `)}),
    top as (
      select c.*, public.similarity(c.name_fold, ${q.fold})::float8 as sim, ${scoped ? TRUE : scope} as in_scope,
        (c.name_tone = ${q.tone}) as tone_exact, (c.name_fold = ${q.fold}) as fold_exact
      from cand c
      where (c.name_fold = ${q.fold} or public.similarity(c.name_fold, ${q.fold}) >= ${MIN_SIMILARITY})
      order by tone_exact desc, fold_exact desc, sim desc, c.birth_lo nulls last, c.record_id, c.role
      limit ${limit})
    select top.*, b.authority_text, b.authority_unit_code, b.volume_no, r.status as record_status
    from top join books b on b.id = top.book_id join records r on r.id = top.record_id
    order by top.tone_exact desc, top.fold_exact desc, top.sim desc, top.birth_lo nulls last, top.record_id, top.role`.execute(db);
  return rows.map((r) => ({ ...r, sim: Number(r.sim), in_scope: Boolean(r.in_scope) }));
}

/**
 * Ranked hits. First the exact folded name alone: a common name ("Nguyễn Thị
 * Hương") fills the page there and no fuzzy block is read. Else the B-tree
 * blocks; the filtered trigram fallback when they find nothing.
 */
export async function findPeople(db: Kysely<Database>, actor: Actor, q: NameQuery, filters: SearchFilters, opts: { scoped: boolean; limit: number }): Promise<{ rows: HitRow[]; fallback: boolean }> {
  const f: SearchFilters = opts.scoped ? { ...filters, scope: bookInScope(actor, 'p.book_id') } : filters;
  const exact = await ranked(db, actor, q, [branchOf(f)(sql<SqlBool>`p.name_fold = ${q.fold}`, opts.limit * EXACT_PAGES)], opts.scoped, opts.limit);
  if (exact.length >= opts.limit) return { rows: exact, fallback: false };
  const rows = await ranked(db, actor, q, branches(q, f), opts.scoped, opts.limit);
  if (rows.length > 0 || !hasSelectiveFilter(f)) return { rows, fallback: false };
  return { rows: await ranked(db, actor, q, [trigramBranch(q, f)], opts.scoped, opts.limit), fallback: true };
}
