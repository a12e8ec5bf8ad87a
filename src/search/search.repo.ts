/**
 * The search query: one statement, one round trip. Names first:
 * person_names (the distinct folded names, migration 0026) is probed by
 * B-tree keys only (exact folded name; tên + họ; tên one edit away + the
 * words before it; họ one edit away + the words after it; the typed name
 * without its họ), each branch capped, and trigram similarity (pg_trgm,
 * schema public) ranks that small set of names. Then people: a nested loop
 * over the ranked names in rank order reads person_index by exact name_fold,
 * every filter inside the probe (a year or date filter is an index range on
 * (name_fold, birth_year) or (name_fold, event_year)), and stops as soon as
 * the page is full; only the page's rows are then joined to their book and
 * record. When the keys find nobody and a selective filter is given (year or
 * dates, unit, register type, số), the trigram operator `%` picks names from
 * person_names and the filter picks their people: never a trigram scan of
 * the people.
 * Scope: `scoped` computes the visible books once in the statement
 * (bookInScope over books) and every people probe keeps to them; otherwise
 * (the province-wide view of extracts.issue) every row of the page comes back
 * with in_scope telling whether the caller may open it.
 * Measured: see README "Person search" (bench:search). Under load the time
 * of a search is mostly waiting for a CPU per round trip, hence one statement
 * (it was two to six: names, then people in chunks of 4, 16, 64… names).
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

/** Names one key branch may bring (a tên + họ block holds tens to hundreds of distinct names). */
const NAME_CAP = 2000;
/** Ranked names read at most: enough for a rare year under a common name block. */
const MAX_NAMES = 400;
const MIN_SIMILARITY = 0.3;
/** The exact name reads this many pages of people, so the same spelling with diacritics can come first among them (typed without diacritics: one page). */
const EXACT_PAGES = 3;

const TRUE = sql<SqlBool>`true`;

/** The columns a people probe brings. */
const COLUMNS = sql`p.record_id, p.role, p.book_id, p.register_type, p.full_name, p.name_tone, p.name_fold,
  p.birth_lo::text as birth_lo, p.birth_hi::text as birth_hi, p.reg_so, p.quyen_so, p.reg_date, p.page_id`;

const yearOf = (iso: string) => Number(iso.slice(0, 4));

/** The filters of one person row; the date filter is written so that its year bounds are index ranges. */
function filterSql(f: SearchFilters): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = f.scope ? [f.scope] : [];
  if (f.registerType) parts.push(sql<SqlBool>`p.register_type = ${f.registerType}`);
  if (f.so) parts.push(sql<SqlBool>`p.reg_so = ${f.so}`);
  if (f.from || f.to) {
    const from = f.from ?? '0001-01-01';
    const to = f.to ?? '9999-12-31';
    const [fy, ty] = [yearOf(from), Math.min(yearOf(to), 32767)];
    parts.push(sql<SqlBool>`((p.birth_year between ${fy} and ${ty} and p.birth_lo <= ${to}::date and p.birth_hi >= ${from}::date)
      or (p.event_year between ${fy} and ${ty} and p.event_lo <= ${to}::date and p.event_hi >= ${from}::date))`);
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

/**
 * The one-edit variants of a word (about 250) as a subquery over an array:
 * an IN list of constants costs the planner more than the whole query.
 */
const oneOf = (words: readonly string[]) => sql`select unnest(${[...words]}::text[])`;

const nameBranch = (cond: RawBuilder<SqlBool>) => sql`(select n.name_fold from person_names n where ${cond} limit ${NAME_CAP})`;

/** The B-tree blocks of a name, over the distinct names: exact; tên + họ; one letter off in tên or in họ; the name without its họ. */
function nameBranches(q: NameQuery, f: SearchFilters): RawBuilder<unknown>[] {
  const out = [nameBranch(sql<SqlBool>`n.name_fold = ${q.fold}`)];
  if (q.words > 1) {
    out.push(nameBranch(sql<SqlBool>`n.ten_key = ${q.ten} and n.ho_key = ${q.ho}`));
    // A slip in tên keeps every word before it exact (head_key), a slip in họ every word after it (tail_key): exact B-tree probes.
    const { head_key: head, tail_key: tail } = headTail(q.fold);
    if (q.tenVariants.length > 0) out.push(nameBranch(sql<SqlBool>`n.head_key = ${head} and n.ten_key in (${oneOf(q.tenVariants)})`));
    if (q.hoVariants.length > 0) out.push(nameBranch(sql<SqlBool>`n.tail_key = ${tail} and n.ho_key in (${oneOf(q.hoVariants)})`));
    // The họ left out: the typed words are every word of the name but its first.
    out.push(nameBranch(sql<SqlBool>`n.tail_key = ${q.fold}`));
  } else {
    out.push(nameBranch(sql<SqlBool>`n.ten_key = ${q.ten}`));
    if (hasSelectiveFilter(f)) {
      out.push(nameBranch(sql<SqlBool>`n.ho_key = ${q.ho}`));
      if (q.tenVariants.length > 0) out.push(nameBranch(sql<SqlBool>`n.ten_key in (${oneOf(q.tenVariants)})`));
    }
  }
  return out;
}

/** Names within trigram reach of the typed one (the GIN index of person_names; the vocabulary, not the people). */
const trigramCandidates = (q: NameQuery) => sql`select n.name_fold from person_names n where n.name_fold operator(public.%) ${q.fold}`;

interface Probe {
  actor: Actor;
  q: NameQuery;
  f: SearchFilters;
  scoped: boolean;
  limit: number;
}

/**
 * One statement, one round trip: the candidate names ranked (exact folded
 * name first, then similarity), then their people name by name in rank order
 * (a nested loop over the ranked names that stops as soon as the page is
 * full: the people of the 400th name are read only when the 399 before them
 * did not fill it), then only the page's rows joined to their book and
 * record. The scope check is the set of visible books, computed once in the
 * same statement (a hashed subplan, not a join per person).
 */
async function search(db: Kysely<Database>, { actor, q, f, scoped, limit }: Probe, candidates: RawBuilder<unknown>): Promise<HitRow[]> {
  const exactCap = q.tone === q.fold ? limit : limit * EXACT_PAGES;
  const filters = filterSql(scoped ? { ...f, scope: sql<SqlBool>`p.book_id in (select vb.id from visible vb)` } : f);
  const { rows } = await sql<HitRow>`
    with cand as (${candidates}),
    names as materialized (
      select c.name_fold, s.sim, row_number() over (order by (c.name_fold = ${q.fold}) desc, s.sim desc, c.name_fold) as ord
      from cand c cross join lateral (select public.similarity(c.name_fold, ${q.fold})::float8 as sim) s
      where c.name_fold = ${q.fold} or s.sim >= ${MIN_SIMILARITY}
      order by ord
      limit ${MAX_NAMES}),
    ${scoped ? sql`visible as materialized (select b.id from books b where ${bookInScope(actor, 'b.id')}),` : sql``}
    hits as (
      select p.*, n.sim, n.ord
      from names n
      cross join lateral (
        select x.* from (
          select ${COLUMNS}, (p.name_tone = ${q.tone}) as tone_exact
          from person_index p
          where p.name_fold = n.name_fold and ${filters}
          limit (case when n.name_fold = ${q.fold} then ${exactCap}::int else ${limit}::int end)) x
        order by x.tone_exact desc, x.birth_lo nulls last, x.record_id, x.role) p
      limit ${limit})
    select h.*, ${scoped ? TRUE : bookInScope(actor, 'h.book_id')} as in_scope, b.authority_text, b.authority_unit_code, b.volume_no, r.status as record_status
    from hits h
    join books b on b.id = h.book_id
    join records r on r.id = h.record_id
    order by h.ord, h.tone_exact desc, h.birth_lo nulls last, h.record_id, h.role`.execute(db);
  return rows.map((r) => ({ ...r, sim: Number(r.sim), in_scope: Boolean(r.in_scope) }));
}

/**
 * Ranked hits: the key names' people; the filtered trigram fallback when
 * they bring nobody.
 */
export async function findPeople(db: Kysely<Database>, actor: Actor, q: NameQuery, filters: SearchFilters, opts: { scoped: boolean; limit: number }): Promise<{ rows: HitRow[]; fallback: boolean }> {
  const probe: Probe = { actor, q, f: filters, ...opts };
  const rows = await search(db, probe, sql.join(nameBranches(q, filters), sql` union `));
  if (rows.length > 0 || !hasSelectiveFilter(filters)) return { rows, fallback: false };
  return { rows: await search(db, probe, trigramCandidates(q)), fallback: true };
}
