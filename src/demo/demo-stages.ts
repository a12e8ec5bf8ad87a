/**
 * The demo's books at every stage of the line, each reached through the real
 * services acting as the demo users (so whatever the services record — book
 * status, history, keyer accuracy — follows by itself):
 *   - ks-1985-la-bang: keyed and completed, its lot accepted (nghiệm thu),
 *     exported for the Ministry and the warnings report signed off;
 *   - kh-1995-la-bang: completed and accepted: ready for "Xuất dữ liệu";
 *   - ks-1998-hoang-nong: double-blind keying by the two keyers; a few
 *     registrations disagree (one already arbitrated, the rest wait for the
 *     reviewer) and the last ones wait for the second keyer's pass;
 *   - kt-2003-cu-van: completed, in a lot whose sample is half checked;
 *   - ks-2008-phu-xuyen, ks-2012-cu-van: drafts, keying under way.
 * One registration of kt-2003-cu-van and one of ks-2008-phu-xuyen are keyed
 * twice (DEMO_DUPLICATES); the linkage run at the end (as the reviewer, over
 * the province) puts them, with the births ↔ deaths it finds, in the queue.
 * The ground truth stays demoProvince(seed): passes that disagree differ
 * from it in one name only, and arbitration picks the true value.
 */
import type { BookView } from '../archive/index.js';
import { contextOfUser, type ActorContext } from '../auth/index.js';
import { completeRecord, createRecord, saveRecord, type RecordView } from '../entry/index.js';
import { createExport, signOffExport } from '../exchange/index.js';
import { runLinkageJob } from '../linkage/index.js';
import { claimPass, completePass, createLot, createRecordInBook, decide, decideSampledLot, listSample, nextArbitration, setQcMode, submitChecks } from '../qc/index.js';
import { demoBookInto, type DemoBookSummary, type DemoProgress, type KeyRecord } from './demo.service.js';
import { DEFAULT_DEMO_SEED, demoProvince, type DemoBook } from './demo-truth.js';
import { ensureDemoUsers, grantDemoBook, type DemoTeam } from './demo-users.js';

export type DemoStage = 'signed_off' | 'accepted' | 'double_keyed' | 'in_review' | 'drafts';

/** What a visitor reads about a book's stage. */
export const DEMO_STAGE_LABELS: Record<DemoStage, string> = {
  signed_off: 'đã nghiệm thu, đã xuất dữ liệu Bộ Tư pháp, báo cáo kiểm tra đã ký duyệt',
  accepted: 'đã hoàn thành và nghiệm thu, sẵn sàng xuất dữ liệu',
  double_keyed: 'nhập hai lần độc lập, có chỗ hai lần nhập khác nhau chờ trọng tài',
  in_review: 'đã hoàn thành, đang kiểm tra mẫu nghiệm thu',
  drafts: 'đang nhập liệu (bản nháp)',
};

interface StagePlan {
  stage: DemoStage;
  /** Who keys the book (the first keyer of a double-keyed book). */
  keyer: 'nhaplieu1' | 'nhaplieu2';
}

export const DEMO_STAGE_PLAN: Readonly<Record<string, StagePlan>> = {
  'ks-1985-la-bang': { stage: 'signed_off', keyer: 'nhaplieu1' },
  'kh-1995-la-bang': { stage: 'accepted', keyer: 'nhaplieu2' },
  'ks-1998-hoang-nong': { stage: 'double_keyed', keyer: 'nhaplieu1' },
  'kt-2003-cu-van': { stage: 'in_review', keyer: 'nhaplieu2' },
  'ks-2008-phu-xuyen': { stage: 'drafts', keyer: 'nhaplieu2' },
  'ks-2012-cu-van': { stage: 'drafts', keyer: 'nhaplieu1' },
};

const PLANNER = 'sotuphap';
const REVIEWER = 'kiemtra';
/** The seed the parties "chose" for the demo's acceptance lots (a real lot records theirs). */
const LOT_SEED = '20252025202520252025';
/** In the double-keyed book: every third registration is misread once; the last two wait for pass B. */
const MISREAD_EVERY = 3;
const AWAITING_PASS_B = 2;

export interface StagedBookSummary extends DemoBookSummary {
  stage: DemoStage;
}

export interface StagedDemoOptions {
  seed?: number;
  /** The demo users, when the caller already made them (serve does, before it listens). */
  team?: DemoTeam;
  onProgress?: (p: DemoProgress) => void;
  /** Told each time a book has reached its stage. */
  onBook?: (b: StagedBookSummary) => void;
}

type Who = (login: string) => Promise<ActorContext>;

/** Saves the values as a draft; with `finish`, acknowledges its WARNINGs and completes it (as a record or as a keying pass). */
async function key(ctx: ActorContext, rec: RecordView, values: Readonly<Record<string, string>>, tx: string, finish?: 'record' | 'pass'): Promise<void> {
  let saved = await saveRecord(ctx, { recordId: rec.id, clientTxId: `${tx}-key`, expectedVersion: rec.version, values: { ...values } });
  if (!finish) return;
  const warnings = saved.findings.filter((f) => f.severity === 'WARNING' && !f.acknowledged).map((f) => `${f.path}:${f.code}`);
  if (warnings.length > 0) saved = await saveRecord(ctx, { recordId: rec.id, clientTxId: `${tx}-ack`, expectedVersion: saved.version, acknowledge: warnings });
  const done = { recordId: rec.id, clientTxId: `${tx}-done`, expectedVersion: saved.version };
  await (finish === 'pass' ? completePass(ctx, done) : completeRecord(ctx, done));
}

/**
 * Registrations keyed twice by mistake (the n-th keyed registration of the
 * book, 1-based): true duplicates for the duplicate queue (#/linkage) to find.
 */
export const DEMO_DUPLICATES: Readonly<Record<string, number>> = {
  'kt-2003-cu-van': 1,
  'ks-2008-phu-xuyen': 2,
};

function singleKeying(keyer: ActorContext, finish: boolean, twice?: number): KeyRecord {
  let n = 0;
  return async (_ctx, input) => {
    n++;
    for (const again of n === twice ? ['', '-again'] : ['']) {
      const created = await createRecord(keyer, { bookId: input.bookId, pageIds: input.pageIds, clientTxId: `${input.clientTxId}${again}-create` });
      await key(keyer, created, input.values, `${input.clientTxId}${again}`, finish ? 'record' : undefined);
    }
  };
}

const OTHER_NAMES = ['Hùng', 'Lan', 'Minh', 'Hoa'];
const NAME_FIELDS = ['nksHoTen', 'nktHoTen', 'chongHoTen'];

/** The values as a tired keyer reads them: the given name of the main person taken for another. */
function misread(values: Readonly<Record<string, string>>): Record<string, string> {
  const field = NAME_FIELDS.find((f) => values[f]);
  if (!field) return { ...values };
  const words = values[field]!.split(' ');
  const other = OTHER_NAMES.find((n) => n !== words.at(-1))!;
  return { ...values, [field]: [...words.slice(0, -1), other].join(' ') };
}

function doubleKeying(first: ActorContext, second: ActorContext, keyed: number): KeyRecord {
  let n = 0;
  return async (_ctx, input) => {
    n++;
    const a = await createRecordInBook(first, { bookId: input.bookId, pageIds: input.pageIds, clientTxId: `${input.clientTxId}-a` });
    await key(first, a, input.values, `${input.clientTxId}-a`, 'pass');
    if (n > keyed - AWAITING_PASS_B) return;
    const b = await claimPass(second, { registrationId: a.keyingOf!, clientTxId: `${input.clientTxId}-b` });
    await key(second, b, n % MISREAD_EVERY === 0 ? misread(input.values) : input.values, `${input.clientTxId}-b`, 'pass');
  };
}

/** The reviewer arbitrates the book's first disagreement (the true value), leaving the rest for a visitor. */
async function arbitrateOne(reviewer: ActorContext, bookId: string, truth: DemoBook): Promise<void> {
  const next = await nextArbitration(reviewer, bookId);
  if (!next.item) return;
  const trueValues = new Set(truth.pageList.flatMap((p) => p.records).map((r) => r.values[next.item!.fieldKey]));
  const choice = trueValues.has(next.item.values[0]) ? 'first' : 'second';
  await decide(reviewer, { disagreementId: next.item.id, choice });
}

/** A lot over the book drawn by the planner; the reviewer checks `share` of its sample; accepted when all is checked. */
async function acceptance(who: Who, bookId: string, share: number): Promise<void> {
  const planner = await who(PLANNER);
  const reviewer = await who(REVIEWER);
  const lot = await createLot(planner, { scope: { kind: 'books', bookIds: [bookId] }, plan: { kind: 'iso2859' }, seed: LOT_SEED, note: 'Lô nghiệm thu minh họa.' });
  const sample = await listSample(reviewer, lot.id);
  for (const s of sample.slice(0, Math.ceil(sample.length * share))) await submitChecks(reviewer, lot.id, { recordId: s.recordId });
  if (share >= 1) await decideSampledLot(planner, lot.id, { verdict: 'accept', note: 'Đạt (minh họa).' });
}

async function exportAndSignOff(who: Who, bookId: string): Promise<void> {
  const done = await createExport(await who(PLANNER), bookId);
  await signOffExport(await who(REVIEWER), done.id, { note: 'Đã đối chiếu báo cáo cảnh báo với sổ (minh họa).' });
}

function keyerOf(plan: StagePlan, who: Who, book: DemoBook): Promise<KeyRecord> {
  const other = plan.keyer === 'nhaplieu1' ? 'nhaplieu2' : 'nhaplieu1';
  const keyed = book.pageList.flatMap((p) => p.records).filter((r) => r.keyed).length;
  if (plan.stage === 'double_keyed') return Promise.all([who(plan.keyer), who(other)]).then(([a, b]) => doubleKeying(a, b, keyed));
  return who(plan.keyer).then((k) => singleKeying(k, plan.stage !== 'drafts', DEMO_DUPLICATES[book.key]));
}

async function finishStage(plan: StagePlan, who: Who, view: BookView, truth: DemoBook): Promise<void> {
  switch (plan.stage) {
    case 'signed_off':
      await acceptance(who, view.id, 1);
      return exportAndSignOff(who, view.id);
    case 'accepted':
      return acceptance(who, view.id, 1);
    case 'in_review':
      return acceptance(who, view.id, 0.5);
    case 'double_keyed':
      return arbitrateOne(await who(REVIEWER), view.id, truth);
    case 'drafts':
      return;
  }
}

/**
 * The demo province with every book at its stage (DEMO_STAGE_PLAN), book
 * after book; the demo users are made first (or given). The database must
 * have no book (runDemo's rule); the caller checks, since serve makes the
 * users before it listens and this part runs behind.
 */
export async function runStagedDemo(ctx: ActorContext, opts: StagedDemoOptions = {}): Promise<StagedBookSummary[]> {
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  const team = opts.team ?? (await ensureDemoUsers(ctx));
  const who: Who = (login) => contextOfUser(ctx, team.get(login)!.id, 'demo');
  const out: StagedBookSummary[] = [];
  for (const book of demoProvince(seed).books) {
    const plan = DEMO_STAGE_PLAN[book.key] ?? { stage: 'drafts', keyer: 'nhaplieu1' };
    let view: BookView | undefined;
    const beforeKeying = async (v: BookView) => {
      view = v;
      await grantDemoBook(ctx, team, v);
      if (plan.stage === 'double_keyed') await setQcMode(await who(PLANNER), { bookId: v.id, mode: 'double_blind' });
    };
    const summary = await demoBookInto(ctx, seed, book, { beforeKeying, keyRecord: await keyerOf(plan, who, book), ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) });
    await finishStage(plan, who, view!, book);
    const staged = { ...summary, stage: plan.stage };
    out.push(staged);
    opts.onBook?.(staged);
  }
  await runLinkageJob(ctx, { unitId: null, mode: 'full', actorId: team.get(REVIEWER)!.id });
  return out;
}
