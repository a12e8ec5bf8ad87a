/**
 * npm run bench:linkage — record linkage on a synthetic province with known
 * identities (src/linkage truth): LINKAGE_BENCH_REGISTRATIONS registrations
 * (default 200,000; FULL=1: 1,000,000), the demo's name frequencies.
 * Measured against the truth: precision, recall, F1 of same-person
 * birth↔birth links (duplicates and re-registrations: `duplicate*`), of
 * birth↔death links (`deathLink*`) and birth↔marriage (`marriage*`).
 * Compared with, in the same run and data:
 * - baseline: exact-key matching on the normalized name (src/vn
 *   normalizeName, lower case) + the birth date as written;
 * - exhaustive: on a sample of LINKAGE_BENCH_SAMPLE registrations, every
 *   pair of the sample scored (no blocking) with the same parameters, to
 *   show what blocking loses (`exhaustive*F1`).
 * Memory: the province streams (truth generateRecords): each batch of
 * 10,000 records becomes its persons and baseline keys and is let go; the
 * truth is typed arrays and pairs are numbers (pairCode). The kinds run one
 * after another (they share only the persons; the candidates are the same
 * as one run of all three) and each run keeps only its found pairs. The npm
 * script caps the V8 heap at 1.6 GB (NODE_OPTIONS): without a cap V8 lets
 * garbage of the generation grow the heap to several times what is live.
 * Last line: {bench, metric: 'f1', value: the mean of duplicate and death
 * F1, baseline: the baseline's mean, ratio, duplicateF1, deathLinkF1,
 * baselineF1, …, seconds, cpuSeconds, peakRssMB, totalSeconds,
 * loadAverage}. `seconds` is the linkage run (features, training, blocking,
 * scoring), not the generation, in wall time; `cpuSeconds` the CPU time it
 * took; `totalSeconds` the whole bench (generation and truth included);
 * `peakRssMB` the kernel's high-water mark (VmHWM); `loadAverage` the
 * 1-minute load at the end (the machine is shared: read wall times with it).
 * Measured here (2 cores shared with other work), birth ↔ death read
 * among each death's rivals (src/linkage rivals.ts):
 * - 200,000 (223,432 registrations), load average 3.0: duplicates F1
 *   0.994, birth ↔ death 0.977 (P 0.988, R 0.967; 0.955 before rivals),
 *   baseline 0.752; 38 s linkage (37 s CPU), 48 s in all, peak RSS 868 MB;
 * - FULL=1 (1,118,578 registrations), load average 3.0 to 4.8: duplicates
 *   F1 0.994, birth ↔ death 0.964 (P 0.985, R 0.944; 0.937 before, R
 *   0.893), baseline 0.726; 209 s linkage (221 s CPU), 4 min 21 s in all,
 *   peak RSS 1,775 MB. (The 375 s / 8 min 10 s measured before were under
 *   a load average of 8 to 13: compare wall times with the load.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES } from '../src/demo/index.js';
import { generateRecords, linkPersons, pairCode, pairOf, personsOf, truePairs, type Candidate, type LinkRecord, type LinkResult, type NameTables, type Person } from '../src/linkage/index.js';
import { normalizeName } from '../src/vn/index.js';

const N = Number(process.env.LINKAGE_BENCH_REGISTRATIONS ?? (process.env.FULL === '1' ? 1_000_000 : 200_000));
const SAMPLE = Number(process.env.LINKAGE_BENCH_SAMPLE ?? 3000);

const mix = (a: readonly (readonly [string, number, ...unknown[]])[], b: readonly (readonly [string, number, ...unknown[]])[]) => [...a, ...b].map(([n, w]) => [n, w] as const);
const NAMES: NameTables = {
  family: FAMILY_NAMES.map(([n, w]) => [n, w] as const),
  middle: { male: mix(MIDDLE_NAMES.male.before1990, MIDDLE_NAMES.male.from2005), female: mix(MIDDLE_NAMES.female.before1990, MIDDLE_NAMES.female.from2005) },
  given: { male: GIVEN_NAMES.male.map(([n, w]) => [n, w] as const), female: GIVEN_NAMES.female.map(([n, w]) => [n, w] as const) },
};

let peak = 0;
/** The kernel's high-water mark of the resident set (VmHWM, Linux), else the largest sample. */
const sampleRss = () => {
  peak = Math.max(peak, process.memoryUsage().rss);
  const hwm = /VmHWM:\s+(\d+) kB/.exec(existsSync('/proc/self/status') ? readFileSync('/proc/self/status', 'utf8') : '');
  if (hwm) peak = Math.max(peak, Number(hwm[1]) * 1024);
};
const timer = setInterval(sampleRss, 200);

interface Prf {
  precision: number;
  recall: number;
  f1: number;
}
function prf(found: ReadonlySet<number>, truth: ReadonlySet<number>): Prf {
  let tp = 0;
  for (const k of found) if (truth.has(k)) tp++;
  const precision = found.size ? tp / found.size : 0;
  const recall = truth.size ? tp / truth.size : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision: r3(precision), recall: r3(recall), f1: r3(f1) };
}
const r3 = (x: number) => Math.round(x * 1000) / 1000;

function found(cands: readonly Candidate[], kinds: readonly string[]): Set<number> {
  return new Set(cands.filter((c) => kinds.includes(c.kind)).map((c) => pairCode(c.a, c.b)));
}

/**
 * Exact key: normalized name + the birth date as written. The key is read
 * from the record while it streams by; persons sharing a key are chained
 * (head per key, next per person), so no record is kept for it.
 */
class Baseline {
  private head = new Map<string, number>();
  private next: number[] = [];
  add(p: Person, v: Readonly<Record<string, string>>): void {
    const name = normalizeName(v[`${p.role}HoTen`] ?? '').toLowerCase();
    const dob = (v[`${p.role}NgaySinh`] ?? '').trim();
    this.next[p.idx] = -1;
    if (!name || !dob) return;
    const k = `${name}|${dob}`;
    this.next[p.idx] = this.head.get(k) ?? -1;
    this.head.set(k, p.idx);
  }
  pairs(persons: readonly Person[]): { same: Set<number>; death: Set<number>; marriage: Set<number> } {
    const out = { same: new Set<number>(), death: new Set<number>(), marriage: new Set<number>() };
    for (const first of this.head.values()) {
      const g: Person[] = [];
      for (let i = first; i >= 0; i = this.next[i]!) g.push(persons[i]!);
      for (let i = 0; i < g.length; i++)
        for (let j = i + 1; j < g.length; j++) {
          const [x, y] = [g[i]!, g[j]!];
          const types = [x.registerType, y.registerType].sort().join('');
          if (types === 'KSKS') out.same.add(pairCode(x.recordId, y.recordId));
          if (types === 'KSKT') out.death.add(pairCode(x.recordId, y.recordId));
          if (types === 'KHKS') out.marriage.add(pairCode(x.recordId, y.recordId));
        }
    }
    this.head = new Map();
    this.next = [];
    return out;
  }
}

// The province streams by in batches: each batch of records becomes its persons (timed as part of the
// run), its baseline keys and, for the first SAMPLE records, the exhaustive sample; then it is let go.
const t0 = Date.now();
const persons: Person[] = [];
const sample: LinkRecord[] = [];
const baselineKeys = new Baseline();
let featureMs = 0;
let featureCpu = 0;
let batch: LinkRecord[] = [];
const flush = () => {
  const from = persons.length;
  const ends: number[] = [];
  const t = performance.now();
  const c = process.cpuUsage();
  for (const r of batch) {
    for (const p of personsOf(r, persons.length)) persons.push(p);
    ends.push(persons.length);
  }
  featureMs += performance.now() - t;
  const dc = process.cpuUsage(c);
  featureCpu += dc.user + dc.system;
  let i = from;
  batch.forEach((r, k) => {
    for (; i < ends[k]!; i++) baselineKeys.add(persons[i]!, r.values);
  });
  batch = [];
};
const truth = generateRecords({ registrations: N, seed: 16, names: NAMES }, (r) => {
  if (sample.length < SAMPLE) sample.push(r);
  batch.push(r);
  if (batch.length === 10_000) flush();
});
flush();
const genSeconds = (Date.now() - t0 - featureMs) / 1000;
sampleRss();
const base = baselineKeys.pairs(persons);
const bDupPairs = base.same;
sampleRss();

// One kind at a time (the kinds share nothing but the persons: the same candidates as one run of all
// three), keeping of each run only its found pairs, so one kind's candidates are held at a time.
const t1 = Date.now();
const cpu1 = process.cpuUsage();
const result: Pick<LinkResult, 'params' | 'stats'> & { candidates: number } = { params: {}, stats: {}, candidates: 0 };
const got = { same: new Set<number>(), death: new Set<number>(), marriage: new Set<number>() };
for (const kind of ['duplicate', 'death', 'marriage'] as const) {
  const run = linkPersons(persons, { kinds: [kind] });
  Object.assign(result.params, run.params);
  Object.assign(result.stats, run.stats);
  result.candidates += run.candidates.length;
  if (kind === 'duplicate') got.same = found(run.candidates, ['duplicate', 'reregistration']);
  else got[kind] = found(run.candidates, [kind]);
  sampleRss();
}
const seconds = Math.round(Date.now() - t1 + featureMs) / 1000;
const cpu = process.cpuUsage(cpu1);
const cpuSeconds = Math.round((cpu.user + cpu.system + featureCpu) / 1e4) / 100;

const truthSets = { same: truePairs(truth, 'sameBirth'), death: truePairs(truth, 'death'), marriage: truePairs(truth, 'marriage') };
const dup = prf(got.same, truthSets.same);
const death = prf(got.death, truthSets.death);
const marriage = prf(got.marriage, truthSets.marriage);
const bDup = prf(bDupPairs, truthSets.same);
const bDeath = prf(base.death, truthSets.death);
const bMarriage = prf(base.marriage, truthSets.marriage);

// exhaustive comparison on a sample (the first SAMPLE records): every pair scored, same parameters, no blocking
const samplePersons: Person[] = [];
for (const r of sample) for (const p of personsOf(r, samplePersons.length)) samplePersons.push(p);
const exhaustive = linkPersons(samplePersons, { params: result.params, maxBlock: Number.MAX_SAFE_INTEGER });
const within = (s: ReadonlySet<number>) => new Set([...s].filter((k) => pairOf(k)[1] < sample.length));
const exDup = prf(found(exhaustive.candidates, ['duplicate', 'reregistration']), within(truthSets.same));
clearInterval(timer);
sampleRss();

const pairs = Object.values(result.stats).reduce((s, st) => s + (st?.pairs ?? 0), 0);
console.log(`Tỉnh tổng hợp: ${truth.count} đăng ký, ${persons.length} người, ${truth.communes.length} xã; sinh dữ liệu ${genSeconds.toFixed(1)} s.`);
console.log(`Liên kết: ${seconds.toFixed(1)} s (CPU ${cpuSeconds} s), ${pairs} cặp so sánh, ${result.candidates} cặp đề xuất.`);
for (const [kind, st] of Object.entries(result.stats))
  console.log(`  ${kind}: ${st!.rules.map((r) => `${r.id}: ${r.pairs} cặp, ${r.splitBlocks} khối chia theo nơi, ${r.skippedBlocks} phần bỏ qua`).join('; ')}`);
for (const [kind, p] of Object.entries(result.params)) console.log(`  ${kind}: λ=${p!.lambda.toExponential(2)}, m(ten)=${p!.m.ten!.map(r3).join('/')}, u(ten)=${p!.u.ten!.map(r3).join('/')}`);
console.log(`Trùng/đăng ký lại: P=${dup.precision} R=${dup.recall} F1=${dup.f1} (khóa chính xác: F1=${bDup.f1}; mẫu ${SAMPLE} so toàn bộ: F1=${exDup.f1})`);
console.log(`Sinh↔tử: P=${death.precision} R=${death.recall} F1=${death.f1} (khóa chính xác: F1=${bDeath.f1})`);
console.log(`Sinh↔kết hôn: P=${marriage.precision} R=${marriage.recall} F1=${marriage.f1} (khóa chính xác: F1=${bMarriage.f1})`);
const value = r3((dup.f1 + death.f1) / 2);
const baselineValue = r3((bDup.f1 + bDeath.f1) / 2);
console.log(
  JSON.stringify({
    bench: 'linkage',
    metric: 'f1',
    value,
    baseline: baselineValue,
    ratio: baselineValue > 0 ? r3(value / baselineValue) : null,
    registrations: truth.count,
    duplicateF1: dup.f1,
    duplicatePrecision: dup.precision,
    duplicateRecall: dup.recall,
    deathLinkF1: death.f1,
    deathLinkPrecision: death.precision,
    deathLinkRecall: death.recall,
    marriageLinkF1: marriage.f1,
    baselineF1: baselineValue,
    baselineDuplicateF1: bDup.f1,
    baselineDeathLinkF1: bDeath.f1,
    baselineMarriageLinkF1: bMarriage.f1,
    exhaustiveSample: SAMPLE,
    exhaustiveDuplicateF1: exDup.f1,
    pairsCompared: pairs,
    seconds,
    cpuSeconds,
    peakRssMB: Math.round(peak / 1024 / 1024),
    totalSeconds: Math.round(Date.now() - t0) / 1000,
    loadAverage: Math.round(loadavg()[0]! * 10) / 10,
  }),
);
