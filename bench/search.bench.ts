/**
 * npm run bench:search — person search on a synthetic province
 * (bench/search-population.ts: realistic Vietnamese name frequencies), on
 * PostgreSQL and on PGlite, reported separately.
 * Size: SEARCH_BENCH_REGISTRATIONS (default 1,000,000 registrations, about
 * 2.4 people each), SEARCH_BENCH_QUERIES (default 1,000), SEARCH_BENCH_BASELINE
 * (baseline queries per backend, default 30), SEARCH_BENCH_BACKENDS
 * (default "postgresql,pglite"), SEARCH_BENCH_PGLITE_REGISTRATIONS (PGlite's
 * own size, default 200,000: its bulk load of a million takes hours on a
 * shared machine; the JSON says the size as pgliteRegistrations),
 * SEARCH_BENCH_EXPLAIN=n (PostgreSQL: the n slowest queries of each form
 * again, every statement under EXPLAIN (ANALYZE, BUFFERS), on stderr).
 * p50/p95 per query form go to stderr and p95MsByForm into the JSON.
 * Keep sizes small while developing.
 * Loading: books and records rows (minimal values) and person_index rows in
 * batches of unnest() arrays, with the person_index indexes dropped; then the
 * indexes of migration 0018 are created again, timed (build time) and
 * measured (size). Queries go through searchPeople (the service the API
 * uses, access-log row included), a mix of 25 % exact (with diacritics,
 * some NFD or new tone placement), 25 % without diacritics, 25 % with one
 * letter wrong and 25 % name + birth year; recall@5 is reported per form.
 * Baseline, same run and data: a sequential scan with ILIKE '%name%' over the
 * unaccented name column (index scans off), ordered so every row is read.
 * Last line: {bench, metric, value, baseline, ratio, p50Ms, p95Ms,
 * pglitep95Ms, baselineP95Ms, p95MsByForm, registrations, pgliteRegistrations, ...}; ratio = baseline p95 / PostgreSQL p95.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { systemActor, withActor, type ActorContext } from '../src/auth/index.js';
import { createLocalBlobStore } from '../src/blobs/index.js';
import { loadConfig, silentLogger } from '../src/core/index.js';
import { createRng, type Rng } from '../src/demo/index.js';
import { searchPeople } from '../src/search/index.js';
import { dropPgSchema, migrate, openStore, sql, type Store } from '../src/store/index.js';
import { searchKey } from '../src/vn/index.js';
import { CompiledQuery, type KyselyPlugin } from 'kysely';
import { registrations, type Registration } from './search-population.js';

const N = Number(process.env.SEARCH_BENCH_REGISTRATIONS ?? 1_000_000);
/** PGlite (one process, WASM) loads about ten times slower than PostgreSQL: it runs on a smaller province unless told otherwise, and the JSON says which. */
const PGLITE_N = Number(process.env.SEARCH_BENCH_PGLITE_REGISTRATIONS ?? Math.min(N, 200_000));
const QUERIES = Number(process.env.SEARCH_BENCH_QUERIES ?? 1_000);
const BASELINE = Number(process.env.SEARCH_BENCH_BASELINE ?? 30);
const BACKENDS = (process.env.SEARCH_BENCH_BACKENDS ?? 'postgresql,pglite').split(',') as ('postgresql' | 'pglite')[];
const booksFor = (n: number) => Math.max(1, Math.round(n / 2000));
const BATCH = 5000;
const SAMPLE = 20_000;

type Form = 'exact' | 'noDiacritics' | 'misspelled' | 'nameYear';
const FORMS: readonly Form[] = ['exact', 'noDiacritics', 'misspelled', 'nameYear'];
interface Probe {
  recordId: string;
  name: string;
  year: number;
}
interface Query {
  form: Form;
  q: string;
  year?: number;
  recordId: string;
  name: string;
}

/** The secondary indexes of the search tables as the migrations left them: dropped before loading, built again after. */
async function searchIndexes(store: Store): Promise<{ name: string; sql: string }[]> {
  const { rows } = await sql<{ name: string; def: string }>`select indexname as name, indexdef as def from pg_indexes
    where schemaname = current_schema() and tablename in ('person_index', 'person_names') and indexname not like '%pkey' order by indexname`.execute(store.db);
  return rows.map((r) => ({ name: r.name, sql: r.def }));
}

async function loadBatch(store: Store, regs: readonly Registration[], bookIds: readonly string[]): Promise<void> {
  const db = store.db;
  await sql`insert into records (id, book_id, province_code, register_type, template_version, values, page_ids)
    select t.id, t.book_id, b.province_code, rt, rt, '{}'::jsonb, '[]'::jsonb
    from unnest(${regs.map((r) => r.id)}::uuid[], ${regs.map((r) => bookIds[r.bookNo]!)}::uuid[], ${regs.map((r) => r.registerType)}::text[]) as t(id, book_id, rt)
    join books b on b.id = t.book_id`.execute(db);
  const rows = regs.flatMap((r) => r.people.map((p) => ({ ...p, record_id: r.id, book_id: bookIds[r.bookNo]!, register_type: r.registerType })));
  const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
  await sql`insert into person_index (record_id, role, book_id, register_type, full_name, name_tone, name_fold, ho_key, ten_key, head_key, tail_key, birth_year, birth_lo, birth_hi, event_lo, event_hi, event_year, reg_so, quyen_so, reg_date)
    select * from unnest(${col('record_id')}::uuid[], ${col('role')}::text[], ${col('book_id')}::uuid[], ${col('register_type')}::text[], ${col('full_name')}::text[],
      ${col('name_tone')}::text[], ${col('name_fold')}::text[], ${col('ho_key')}::text[], ${col('ten_key')}::text[], ${col('head_key')}::text[], ${col('tail_key')}::text[], ${col('birth_year')}::smallint[],
      ${col('birth_lo')}::date[], ${col('birth_hi')}::date[], ${col('event_lo')}::date[], ${col('event_hi')}::date[], ${col('event_year')}::smallint[], ${col('reg_so')}::text[], ${col('quyen_so')}::text[], ${col('reg_date')}::text[])`.execute(
    db,
  );
}

async function load(store: Store, rng: Rng, indexes: readonly { name: string }[], n: number): Promise<{ probes: Probe[]; loadMs: number; people: number }> {
  const started = performance.now();
  for (const i of indexes) await sql.raw(`drop index ${i.name}`).execute(store.db);
  const bookIds: string[] = [];
  for (let b = 0; b < booksFor(n); b++) {
    const row = await store.db
      .insertInto('books')
      .values({ register_type: 'KS', template_version: 'KS-70', authority_text: `UBND xã Thử ${b}`, year_from: 2000, volume_no: String(b) })
      .returning('id')
      .executeTakeFirstOrThrow();
    bookIds.push(row.id);
  }
  const probes: Probe[] = [];
  let seen = 0;
  let people = 0;
  let batch: Registration[] = [];
  for (const r of registrations(n, booksFor(n))) {
    for (const p of r.people) {
      seen++;
      const probe = { recordId: r.id, name: p.full_name, year: p.birth_year! };
      if (probes.length < SAMPLE) probes.push(probe);
      else if (rng.next() < SAMPLE / seen) probes[rng.int(0, SAMPLE - 1)] = probe;
    }
    people += r.people.length;
    batch.push(r);
    if (batch.length === BATCH) {
      await loadBatch(store, batch, bookIds);
      batch = [];
      if ((people / 2.4) % 100_000 < BATCH) process.stderr.write(`  ${store.backend}: ${Math.round(people / 2.4).toLocaleString('vi-VN')} việc đăng ký…\n`);
    }
  }
  if (batch.length > 0) await loadBatch(store, batch, bookIds);
  return { probes, loadMs: performance.now() - started, people };
}

/** The distinct-name table (as indexRecord keeps it) and the indexes, timed together: both are what search adds to the people rows. */
async function buildIndexes(store: Store, indexes: readonly { sql: string }[]): Promise<{ buildMs: number; indexBytes: number; tableBytes: number; names: number }> {
  const started = performance.now();
  await sql`insert into person_names (name_fold, ho_key, ten_key, head_key, tail_key)
    select distinct on (name_fold) name_fold, ho_key, ten_key, head_key, tail_key from person_index order by name_fold`.execute(store.db);
  for (const i of indexes) await sql.raw(i.sql).execute(store.db);
  await sql`analyze person_index`.execute(store.db);
  await sql`analyze person_names`.execute(store.db);
  const buildMs = performance.now() - started;
  const { rows } = await sql<{ idx: string; tbl: string; names: string }>`select
    (pg_indexes_size('person_index') + pg_total_relation_size('person_names'))::text as idx, pg_relation_size('person_index')::text as tbl,
    (select count(*) from person_names)::text as names`.execute(store.db);
  return { buildMs, indexBytes: Number(rows[0]!.idx), tableBytes: Number(rows[0]!.tbl), names: Number(rows[0]!.names) };
}

/** One letter of the folded name replaced by a neighbour on the keyboard row (or dropped). */
function misspell(rng: Rng, name: string): string {
  const folded = searchKey(name);
  const letters = [...folded].map((c, i) => (c === ' ' ? -1 : i)).filter((i) => i >= 0);
  const at = rng.pick(letters);
  const swap = 'qwertyuiopasdfghjklzxcvbnm';
  const c = folded[at]!;
  const next = rng.chance(0.3) ? '' : swap[(swap.indexOf(c) + 1) % swap.length]!;
  return folded.slice(0, at) + next + folded.slice(at + 1);
}

function queries(rng: Rng, probes: readonly Probe[]): Query[] {
  return Array.from({ length: QUERIES }, (_, i): Query => {
    const p = rng.pick(probes);
    const form = FORMS[i % 4]!;
    return { ...shape(rng, form, p), name: p.name };
  });
}

function shape(rng: Rng, form: Form, p: Probe): Omit<Query, 'name'> {
  switch (form) {
    case 'exact':
      return { form, q: rng.chance(0.3) ? p.name.normalize('NFD') : p.name, recordId: p.recordId };
    case 'noDiacritics':
      return { form, q: searchKey(p.name), recordId: p.recordId };
    case 'misspelled':
      return { form, q: misspell(rng, p.name), recordId: p.recordId };
    case 'nameYear':
      return { form, q: searchKey(p.name), year: p.year, recordId: p.recordId };
  }
}

const percentile = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const round = (x: number) => Math.round(x * 100) / 100;

async function runQueries(ctx: ActorContext, qs: readonly Query[]) {
  const times: number[] = [];
  const byForm: Record<Form, number[]> = { exact: [], noDiacritics: [], misspelled: [], nameYear: [] };
  const slow: [number, string][] = [];
  const timed: [number, Query][] = [];
  const hits: Record<Form, [number, number]> = { exact: [0, 0], noDiacritics: [0, 0], misspelled: [0, 0], nameYear: [0, 0] };
  for (const q of qs) {
    const t0 = performance.now();
    const r = await searchPeople(ctx, { q: q.q, ...(q.year ? { year: q.year } : {}), limit: 20 });
    times.push(performance.now() - t0);
    byForm[q.form].push(times.at(-1)!);
    timed.push([times.at(-1)!, q]);
    // Common names are shared by many people: recall@5 counts a hit with the very same name (folded) as found (the person is indistinguishable by name alone).
    const top = r.hits.slice(0, 5);
    const found = top.some((h) => h.recordId === q.recordId || searchKey(h.name) === searchKey(q.name));
    slow.push([times.at(-1)!, `${q.form} "${q.q}"${q.year ? ` ${q.year}` : ''} → ${r.hits.length}`]);
    hits[q.form][0] += found ? 1 : 0;
    hits[q.form][1] += 1;
  }
  for (const [ms, what] of [...slow].sort((a, b) => b[0] - a[0]).slice(0, 5)) process.stderr.write(`  chậm nhất: ${round(ms)} ms ${what}\n`);
  const recall = Object.fromEntries(Object.entries(hits).map(([k, [f, n]]) => [k, round(f / Math.max(1, n))]));
  const perForm = Object.fromEntries(Object.entries(byForm).map(([k, xs]) => [k, { p50: round(percentile(xs, 50)), p95: round(percentile(xs, 95)), max: round(Math.max(...xs)) }]));
  process.stderr.write(`  theo dạng truy vấn (ms): ${JSON.stringify(perForm)}\n`);
  const slowest = (form: Form, n: number) =>
    timed
      .filter(([, q]) => q.form === form)
      .sort((a, b) => b[0] - a[0])
      .slice(0, n)
      .map(([, q]) => q);
  return { p50: percentile(times, 50), p95: percentile(times, 95), recall, perForm, slowest };
}

/** A plugin that keeps every statement a search sends, compiled (SQL and parameters), to EXPLAIN them afterwards. */
function recorder(store: Store): { plugin: KyselyPlugin; taken: CompiledQuery[] } {
  const taken: CompiledQuery[] = [];
  const executor = store.db.getExecutor();
  return {
    taken,
    plugin: {
      transformQuery: (args) => {
        taken.push(executor.compileQuery(args.node, args.queryId));
        return args.node;
      },
      transformResult: async (args) => args.result,
    },
  };
}

/**
 * SEARCH_BENCH_EXPLAIN=n (PostgreSQL): the n slowest queries of each form run again and every
 * read statement they sent is replayed, in order in one transaction, under EXPLAIN (ANALYZE, BUFFERS).
 */
async function explainSlowest(ctx: ActorContext, slowest: readonly Query[]): Promise<void> {
  const store = ctx.store;
  for (const q of slowest) {
    const { plugin, taken } = recorder(store);
    const traced = { ...ctx, store: { ...store, db: store.db.withPlugin(plugin) } };
    const t0 = performance.now();
    await searchPeople(traced, { q: q.q, ...(q.year ? { year: q.year } : {}), limit: 20 });
    process.stderr.write(`\n=== ${q.form} "${q.q}"${q.year ? ` ${q.year}` : ''}: ${round(performance.now() - t0)} ms, ${taken.length} câu lệnh\n`);
    await store.db.transaction().execute(async (tx) => {
      for (const c of taken) {
        const text = c.sql.trim();
        if (/^(insert|update|delete)/i.test(text)) continue;
        if (!/^(select|with)/i.test(text) || /^select set_config/i.test(text)) {
          await tx.executeQuery(CompiledQuery.raw(text, [...c.parameters]));
          continue;
        }
        const { rows } = await tx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, buffers) ${text}`, [...c.parameters]));
        process.stderr.write(`--- ${text.replace(/\s+/g, ' ').slice(0, 160)}…\n${rows.map((r) => r['QUERY PLAN']).join('\n')}\n`);
      }
    });
  }
}

async function runBaseline(store: Store, qs: readonly Query[]): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (const q of qs.slice(0, BASELINE)) {
    const t0 = performance.now();
    await store.db.transaction().execute(async (tx) => {
      await sql`set local enable_indexscan = off`.execute(tx);
      await sql`set local enable_bitmapscan = off`.execute(tx);
      await sql`select record_id, role from person_index where name_fold ilike ${'%' + searchKey(q.q) + '%'} order by name_fold, record_id limit 20`.execute(tx);
    });
    times.push(performance.now() - t0);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function openBench(backend: 'postgresql' | 'pglite', dir: string): Promise<{ store: Store; dispose: () => Promise<void> }> {
  if (backend === 'pglite') {
    const store = await openStore({ pgliteDir: path.join(dir, 'pglite') });
    return { store, dispose: () => store.close() };
  }
  const url = loadConfig().testDatabaseUrl;
  const schema = `hotich_bench_search_${randomUUID().slice(0, 8)}`;
  const store = await openStore({ databaseUrl: url, pgSchema: schema });
  if (process.env.SEARCH_BENCH_KEEP) process.stderr.write(`  schema giữ lại: ${schema}\n`);
  return {
    store,
    dispose: async () => {
      await store.close();
      if (!process.env.SEARCH_BENCH_KEEP) await dropPgSchema(url, schema);
    },
  };
}

async function benchBackend(backend: 'postgresql' | 'pglite') {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hotich-bench-search-'));
  const { store, dispose } = await openBench(backend, dir);
  try {
    await migrate(store.db);
    const rng = createRng(1515);
    const indexes = await searchIndexes(store);
    const n = backend === 'pglite' ? PGLITE_N : N;
    const { probes, loadMs, people } = await load(store, rng.fork('load'), indexes, n);
    const built = await buildIndexes(store, indexes);
    const ctx = withActor({ config: loadConfig({ dataDir: dir }), store, blobs: createLocalBlobStore(path.join(dir, 'blobs')), clock: () => new Date(), log: silentLogger }, systemActor('bench'));
    const qs = queries(rng.fork('queries'), probes);
    await runQueries(ctx, qs.slice(0, 20)); // warm-up
    const measured = await runQueries(ctx, qs);
    const explain = Number(process.env.SEARCH_BENCH_EXPLAIN ?? 0);
    if (explain > 0 && backend === 'postgresql')
      await explainSlowest(
        ctx,
        FORMS.flatMap((f) => measured.slowest(f, explain)),
      );
    const baseline = await runBaseline(store, qs);
    const out = {
      backend,
      registrations: n,
      people,
      distinctNames: built.names,
      loadS: round(loadMs / 1000),
      indexBuildS: round(built.buildMs / 1000),
      indexMB: round(built.indexBytes / 2 ** 20),
      tableMB: round(built.tableBytes / 2 ** 20),
      p50Ms: round(measured.p50),
      p95Ms: round(measured.p95),
      recallAt5: measured.recall,
      p95MsByForm: Object.fromEntries(Object.entries(measured.perForm).map(([k, v]) => [k, v.p95])),
      baselineP50Ms: round(baseline.p50),
      baselineP95Ms: round(baseline.p95),
    };
    console.log(`${backend}: ${JSON.stringify(out)}`);
    return out;
  } finally {
    await dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

const results: Record<string, Awaited<ReturnType<typeof benchBackend>>> = {};
for (const b of BACKENDS) results[b] = await benchBackend(b);
const pg = results.postgresql;
const lite = results.pglite;
const main = pg ?? lite!;
console.log(
  JSON.stringify({
    bench: 'search',
    metric: 'p95Ms',
    value: main.p95Ms,
    baseline: main.baselineP95Ms,
    ratio: round(main.baselineP95Ms / main.p95Ms),
    p50Ms: pg?.p50Ms ?? null,
    p95Ms: pg?.p95Ms ?? null,
    baselineP95Ms: pg?.baselineP95Ms ?? null,
    pglitep50Ms: lite?.p50Ms ?? null,
    pglitep95Ms: lite?.p95Ms ?? null,
    pgliteBaselineP95Ms: lite?.baselineP95Ms ?? null,
    registrations: main.registrations,
    pgliteRegistrations: lite?.registrations ?? null,
    people: main.people,
    queries: QUERIES,
    indexBuildS: pg?.indexBuildS ?? null,
    indexMB: pg?.indexMB ?? null,
    pgliteIndexBuildS: lite?.indexBuildS ?? null,
    pgliteIndexMB: lite?.indexMB ?? null,
    recallAt5: main.recallAt5,
    p95MsByForm: pg?.p95MsByForm ?? null,
    pgliteP95MsByForm: lite?.p95MsByForm ?? null,
    pgliteRecallAt5: lite?.recallAt5 ?? null,
    goal: 'p95 < 50 ms on PostgreSQL, ratio ≥ 50',
  }),
);
