/**
 * Searching people in the registrations. Who sees what: an officer with
 * `extracts.issue` searches the whole province (any registering authority
 * may issue a copy of a record once it is in the database) but gets only
 * the minimal view of a record outside her scope (names, dates, authority,
 * book; no page, and opening it still follows the scope rules: not found);
 * everyone else with `records.read` searches within her scope. Every search
 * is written to the access log. The unit filter takes a unit id or code, or
 * a place as written ("UBND xã Vũ Hội, huyện Vũ Thư"), resolved through
 * src/units, historical names included.
 */
import { actorCan, assertPermission, logRead, readTolerant, type ActorContext } from '../auth/index.js';
import { Invalid, NotFound } from '../core/index.js';
import { findTemplate } from '../registers/index.js';
import { findUnitByRef, resolvePlaceText } from '../units/index.js';
import { parsePartialDate } from '../vn/index.js';
import { dateSpan } from './person-rows.js';
import { nameQuery, type NameQuery } from './query.js';
import { findPeople, type HitRow, type SearchFilters } from './search.repo.js';
import { SearchInput } from './search.schema.js';

export interface SearchHit {
  recordId: string;
  role: string;
  /** How the register calls this person: "mẹ", "người được khai sinh"… */
  roleLabel: string;
  name: string;
  /** As a partial date: "10.10.1981", "10.1981", "1981"; null when not written. */
  birthDate: string | null;
  registerType: string;
  so: string;
  quyen: string;
  registeredOn: string;
  bookId: string;
  authority: string;
  authorityUnitCode: string | null;
  /** 0..1: 1 = same name with the same diacritics. */
  score: number;
  /** Why this row matched, in Vietnamese. */
  reasons: string[];
  /** The caller may open the record (it lies in her scope). */
  canOpen: boolean;
  /** The first page of the record (thumbnail); only when canOpen. */
  pageId: string | null;
  status: string | null;
}

export interface SearchResult {
  query: string;
  unit: { id: string; name: string } | null;
  /** True when the B-tree keys found nothing and trigram similarity ran within the filters. */
  fallback: boolean;
  /** True for the province-wide view (extracts.issue). */
  provinceWide: boolean;
  hits: SearchHit[];
}

function dateBound(text: string, end: 'lo' | 'hi', field: 'from' | 'to'): string {
  const parsed = parsePartialDate(text);
  if (!parsed.ok) throw new Invalid('search.bad_date', `Ngày "${text}" không đọc được (ghi dd.mm.yyyy, mm.yyyy hoặc yyyy).`, field);
  const [lo, hi] = dateSpan(parsed.date);
  return (end === 'lo' ? lo : hi)!;
}

function dateFilters(i: ReturnType<typeof SearchInput.parse>): Pick<SearchFilters, 'from' | 'to'> {
  if (i.year !== undefined) return { from: `${i.year}-01-01`, to: `${i.year}-12-31` };
  return { ...(i.from ? { from: dateBound(i.from, 'lo', 'from') } : {}), ...(i.to ? { to: dateBound(i.to, 'hi', 'to') } : {}) };
}

/** A unit by id or code, else a place as written; ambiguity is refused with the candidates. */
async function resolveUnit(ctx: ActorContext, ref: string): Promise<{ id: string; name: string }> {
  try {
    const u = await findUnitByRef(ctx, ref);
    return { id: u.id, name: u.path };
  } catch (e) {
    if (!(e instanceof NotFound)) throw e;
  }
  const r = await resolvePlaceText(ctx, ref);
  const best = r.candidates[0];
  if (r.status === 'resolved' && best) return { id: best.id, name: best.path };
  if (r.status === 'ambiguous') {
    const names = r.candidates
      .slice(0, 5)
      .map((c) => c.path)
      .join('; ');
    throw new Invalid('search.unit_ambiguous', `Đơn vị "${ref}" chưa rõ, có thể là: ${names}. Hãy ghi thêm huyện, tỉnh hoặc chọn mã đơn vị.`, 'unit');
  }
  throw new Invalid('search.unit_unknown', `Không tìm thấy đơn vị hành chính "${ref}".`, 'unit');
}

function formatSpan(lo: string | null, hi: string | null): string | null {
  if (!lo || !hi) return null;
  const [y, m, d] = lo.split('-');
  if (lo === hi) return `${d}.${m}.${y}`;
  if (lo.slice(5) === '01-01' && hi.slice(5) === '12-31' && lo.slice(0, 4) === hi.slice(0, 4)) return y!;
  return `${m}.${y}`;
}

function overlaps(lo: string | null, hi: string | null, f: SearchFilters): boolean {
  return lo !== null && hi !== null && lo <= (f.to ?? '9999-12-31') && hi >= (f.from ?? '0001-01-01');
}

function reasonsOf(r: HitRow, q: NameQuery, f: SearchFilters, fallback: boolean, unit: string | undefined): string[] {
  const out: string[] = [];
  if (r.name_tone === q.tone) out.push('Trùng họ tên, đúng cả dấu');
  else if (r.name_fold === q.fold) out.push('Trùng họ tên khi bỏ dấu, không phân biệt hoa thường');
  else out.push(`Họ tên gần giống (độ giống ${r.sim.toFixed(2).replace('.', ',')})${fallback ? ', tìm gần đúng trong phạm vi bộ lọc' : ''}`);
  if (f.from || f.to) out.push(overlaps(r.birth_lo, r.birth_hi, f) ? 'Ngày sinh trong khoảng thời gian tìm' : 'Ngày đăng ký trong khoảng thời gian tìm');
  if (unit) out.push(`Sổ của ${unit}`);
  if (f.registerType) out.push(`Loại sổ ${f.registerType}`);
  return out;
}

function scoreOf(r: HitRow, q: NameQuery): number {
  if (r.name_tone === q.tone) return 1;
  if (r.name_fold === q.fold) return 0.95;
  return Math.round(r.sim * 0.9 * 100) / 100;
}

function roleLabel(registerType: string, role: string): string {
  return findTemplate(registerType)?.persons.find((p) => p.prefix === role)?.label ?? role;
}

function hitOf(r: HitRow, q: NameQuery, f: SearchFilters, fallback: boolean, unit: string | undefined): SearchHit {
  return {
    recordId: r.record_id,
    role: r.role,
    roleLabel: roleLabel(r.register_type, r.role),
    name: r.full_name,
    birthDate: formatSpan(r.birth_lo, r.birth_hi),
    registerType: r.register_type,
    so: r.reg_so,
    quyen: r.quyen_so || r.volume_no,
    registeredOn: r.reg_date,
    bookId: r.book_id,
    authority: r.authority_text,
    authorityUnitCode: r.authority_unit_code,
    score: scoreOf(r, q),
    reasons: reasonsOf(r, q, f, fallback, unit),
    canOpen: r.in_scope,
    pageId: r.in_scope ? r.page_id : null,
    status: r.in_scope ? r.record_status : null,
  };
}

function describeSearch(q: NameQuery, i: ReturnType<typeof SearchInput.parse>): string {
  const parts = [`"${q.fold}"`];
  for (const k of ['type', 'year', 'from', 'to', 'unit', 'so'] as const) if (i[k] !== undefined) parts.push(`${k}=${String(i[k])}`);
  return parts.join(' ').slice(0, 500);
}

export async function searchPeople(ctx: ActorContext, input: SearchInput): Promise<SearchResult> {
  const provinceWide = actorCan(ctx.actor, 'extracts.issue');
  if (!provinceWide) assertPermission(ctx.actor, 'records.read');
  const i = SearchInput.parse(input);
  const q = nameQuery(i.q);
  if (q.fold === '') throw new Invalid('search.empty_name', 'Cần nhập họ tên có chữ cái để tìm.', 'q');
  const unit = i.unit ? await resolveUnit(ctx, i.unit) : undefined;
  const f: SearchFilters = {
    ...dateFilters(i),
    ...(i.type ? { registerType: i.type } : {}),
    ...(unit ? { unitId: unit.id } : {}),
    ...(i.so ? { so: i.so } : {}),
  };
  // Served by the read replica when there is one (and it has the searcher's own writes); the access log is
  // written to the primary alongside the query (another connection on PostgreSQL), so its commit overlaps the search.
  // It waits for the disk like every access-log row: a read of personal data is never answered with its log
  // row still at risk (under load that fsync, not the search, can set the answer time).
  const [{ rows, fallback }] = await Promise.all([
    readTolerant(ctx, (db) => findPeople(db, ctx.actor, q, f, { scoped: !provinceWide, limit: i.limit })),
    logRead(ctx, { action: 'search', entityType: 'search', entityId: describeSearch(q, i) }),
  ]);
  return { query: q.fold, unit: unit ?? null, fallback, provinceWide, hits: rows.map((r) => hitOf(r, q, f, fallback, unit?.name)) };
}
