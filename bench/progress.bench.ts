/**
 * npm run bench:progress [-- --backend postgresql|pglite --books 10000 --registrations 1000000 --runs 30]
 * A synthetic province (10 districts × 10 communes, BOOKS books, REGISTRATIONS
 * registrations of which 70 % completed over the last 40 days, 10 scanned
 * pages a book, a fifth of the books exported and signed off) with a campaign
 * of one package per commune. Measures the dashboard's two queries through
 * the real service (getProgress: the province view and one district view,
 * after the rollup is refreshed; each is one statement over the package
 * rollup of migrations 0025 and 0027, kept incrementally, with the scope
 * check inside it) against computing the same figures (done and
 * daily amounts per package and stage) from the raw tables (stage-facts.ts,
 * no rollup) in the same run. Last line: one JSON object with p95Ms (the
 * slower of the two dashboard queries), baselineP95Ms and ratio =
 * baseline / ours (goal p95 < 100 ms, ratio >= 20).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { systemActor, type ActorContext } from '../src/auth/index.js';
import { createLocalBlobStore } from '../src/blobs/index.js';
import { loadConfig, silentLogger } from '../src/core/index.js';
import { addDays, addPackage, createCampaign, getProgress, refreshProgress, stageFacts } from '../src/plans/index.js';
import { dropPgSchema, migrate, openStore, type Store } from '../src/store/index.js';
import { rebuildWithin } from '../src/units/index.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : dflt;
};
const BACKEND = arg('backend', 'postgresql') as 'pglite' | 'postgresql';
const BOOKS = Number(arg('books', '10000'));
const REGISTRATIONS = Number(arg('registrations', '1000000'));
const RUNS = Number(arg('runs', '30'));
const BASELINE_RUNS = Number(arg('baseline-runs', '5'));
const NOW = new Date();

const district = (d: number) => `legacy:district:9${d}`;
const commune = (d: number, c: number) => `legacy:commune:9${d}${c}`;

async function units(store: Store): Promise<void> {
  const rows = [{ id: 'legacy:province:9', level: 'province', code: '9', name: 'Đo Tải', kind: 'Tỉnh', parent_id: null as string | null }];
  for (let d = 0; d < 10; d++) {
    rows.push({ id: district(d), level: 'district', code: `9${d}`, name: `Huyện ${d}`, kind: 'Huyện', parent_id: 'legacy:province:9' });
    for (let c = 0; c < 10; c++) rows.push({ id: commune(d, c), level: 'commune', code: `9${d}${c}`, name: `Xã ${d}${c}`, kind: 'Xã', parent_id: district(d) });
  }
  await store.db
    .insertInto('admin_units')
    .values(rows.map((r) => ({ ...r, scheme: 'legacy', source: 'bench' })))
    .execute();
  await rebuildWithin(store.db);
}

async function fill(store: Store): Promise<void> {
  const db = store.db;
  await sql`insert into books (register_type, template_version, authority_text, authority_unit_code, year_from, year_to, volume_no, page_count, declared_event_count, created_at)
    select (array['KS','KT','KH'])[1 + g % 3], (array['KS-70','KT-48','KH-44'])[1 + g % 3], 'UBND xã đo tải', 'legacy:commune:9' || lpad(((g / 10) % 100)::text, 2, '0'),
      1990 + g % 30, 1990 + g % 30, g::text, 10, ${Math.ceil(REGISTRATIONS / BOOKS)}::int, now() - ((g % 60) || ' days')::interval
    from generate_series(0, ${BOOKS - 1}::int) g`.execute(db);
  await sql`create temporary table bench_books as select id, row_number() over (order by id) - 1 as n, register_type, template_version, province_code from books`.execute(db);
  await sql`insert into pages (book_id, province_code, seq, blob_sha256, flags, created_at)
    select b.id, b.province_code, s, lpad(to_hex(b.n * 10 + s), 64, '0'), '[]', now() - (((b.n + s) % 50) || ' days')::interval from bench_books b, generate_series(1, 10) s`.execute(db);
  const chunk = 200_000;
  for (let from = 0; from < REGISTRATIONS; from += chunk) {
    await sql`insert into records (book_id, province_code, register_type, template_version, values, page_ids, status, completed_at)
      select b.id, b.province_code, b.register_type, b.template_version, '{}', '[]', case when g % 10 < 7 then 'completed' else 'draft' end,
        case when g % 10 < 7 then now() - ((g % 40) || ' days')::interval end
      from generate_series(${from}::int, ${Math.min(REGISTRATIONS, from + chunk) - 1}::int) g join bench_books b on b.n = g % ${BOOKS}`.execute(db);
  }
  await sql`insert into exports (book_id, files, manifest, warnings, created_at, signed_off_at, signed_off_by)
    select b.id, '[]', '{}', 0, now() - '3 days'::interval, null, null from bench_books b where b.n % 5 = 0`.execute(db);
  const user = await db.insertInto('users').values({ login: 'bench-reviewer', role: 'reviewer', password_hash: null }).returning('id').executeTakeFirstOrThrow();
  await sql`update exports set signed_off_at = created_at, signed_off_by = ${user.id}`.execute(db);
  await sql`analyze`.execute(db);
}

async function plan(ctx: ActorContext): Promise<string> {
  const c = await createCampaign(ctx, { name: 'Kế hoạch đo tải', unitId: 'legacy:province:9' });
  const deadline = addDays(NOW.toISOString().slice(0, 10), 30);
  for (let d = 0; d < 10; d++)
    for (let k = 0; k < 10; k++) {
      await addPackage(ctx, c.id, {
        unitId: commune(d, k),
        registerTypes: ['KS', 'KT', 'KH'],
        yearFrom: 1990,
        yearTo: 2020,
        stages: [
          { stage: 'key1', deadline },
          { stage: 'handover', deadline },
        ],
      });
    }
  return c.id;
}

/** The same figures with no rollup: done and daily amounts per package and stage from the raw tables. */
async function baseline(ctx: ActorContext, campaignId: string, unitId: string | null): Promise<number> {
  const since = addDays(NOW.toISOString().slice(0, 10), -27);
  const { rows } = await sql<{ n: string }>`
    with pk as (select p.* from plan_packages p where p.campaign_id = ${campaignId} and p.removed_at is null
        and (${unitId}::text is null or exists (select 1 from admin_unit_within w where w.unit_id = p.unit_id and w.within_id = ${unitId}))),
      pb as materialized (select pk.id as package_id, b.id as book_id from pk join admin_unit_within w on w.within_id = pk.unit_id
        join books b on b.authority_unit_code = w.unit_id and pk.register_types @> to_jsonb(b.register_type::text) and b.year_from <= pk.year_to and coalesce(b.year_to, b.year_from) >= pk.year_from),
      f as materialized (${stageFacts((col) => (unitId === null ? sql`true` : sql`${col} in (select b.id from books b join admin_unit_within w on w.unit_id = b.authority_unit_code where w.within_id = ${unitId})`))}),
      agg as (select pb.package_id, f.stage, sum(f.qty) as done, sum(f.qty) filter (where f.day >= ${since}::date) as recent
        from pb join f on f.book_id = pb.book_id group by 1, 2)
    select count(*)::text as n from agg`.execute(ctx.store.db);
  return Number(rows[0]!.n);
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
async function time(runs: number, f: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    out.push(performance.now() - t);
  }
  return out;
}

async function main(): Promise<void> {
  const url = BACKEND === 'postgresql' ? loadConfig().testDatabaseUrl : undefined;
  const schema = `hotich_bench_${randomUUID().slice(0, 8)}`;
  const store = await openStore({ databaseUrl: url, pgSchema: url ? schema : undefined });
  try {
    await migrate(store.db);
    const ctx: ActorContext = { config: loadConfig(), store, blobs: createLocalBlobStore('/tmp/hotich-bench-progress-blobs'), clock: () => NOW, log: silentLogger, actor: systemActor('bench') };
    let t = performance.now();
    await units(store);
    await fill(store);
    const fillSeconds = (performance.now() - t) / 1000;
    const campaignId = await plan(ctx);
    t = performance.now();
    const refreshed = await refreshProgress(store.db);
    const refreshSeconds = (performance.now() - t) / 1000;
    const province = await time(RUNS, () => getProgress(ctx, { campaignId }));
    const districtRuns = await time(RUNS, () => getProgress(ctx, { campaignId, unitId: district(3) }));
    const baseProvince = await time(BASELINE_RUNS, () => baseline(ctx, campaignId, null));
    const baseDistrict = await time(BASELINE_RUNS, () => baseline(ctx, campaignId, district(3)));
    const ours = Math.max(p95(province), p95(districtRuns));
    const base = Math.max(p95(baseProvince), p95(baseDistrict));
    const check = await getProgress(ctx, { campaignId });
    const peakRssMB = Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) / 1024);
    console.log(`${BACKEND}: ${BOOKS} books, ${REGISTRATIONS} registrations filled in ${fillSeconds.toFixed(1)} s; first refresh of ${refreshed} books ${refreshSeconds.toFixed(1)} s`);
    console.log(
      `keyed ${check.total.stages.find((s) => s.stage === 'key1')!.done} registrations; dashboard p95 province ${p95(province).toFixed(1)} ms, district ${p95(districtRuns).toFixed(1)} ms; raw tables p95 province ${p95(baseProvince).toFixed(1)} ms, district ${p95(baseDistrict).toFixed(1)} ms`,
    );
    console.log(
      JSON.stringify({
        bench: 'progress',
        metric: 'dashboardP95Ms',
        value: Math.round(ours * 10) / 10,
        baseline: Math.round(base * 10) / 10,
        ratio: Math.round((base / ours) * 10) / 10,
        p95Ms: Math.round(ours * 10) / 10,
        baselineP95Ms: Math.round(base * 10) / 10,
        backend: BACKEND,
        books: BOOKS,
        registrations: REGISTRATIONS,
        runs: RUNS,
        provinceP95Ms: Math.round(p95(province) * 10) / 10,
        districtP95Ms: Math.round(p95(districtRuns) * 10) / 10,
        refreshSeconds: Math.round(refreshSeconds * 10) / 10,
        peakRssMB,
      }),
    );
  } finally {
    await store.close();
    if (url) await dropPgSchema(url, schema);
  }
}

await main();
