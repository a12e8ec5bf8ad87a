/**
 * `hotich serve`: open the database, migrate, listen; on a first start the
 * built-in unit lists load right after, in the background. With `--demo`
 * (what `npm start` uses) an EMPTY database gets the demo users before the
 * server listens (their logins are printed at once) and the demo province
 * once the unit lists are in, in the background,
 * book after book, each at its stage of the line (src/demo demo-stages.ts):
 * the first answer does not wait for the demo. Everything printed is plain
 * Vietnamese lines; the counts announced at the end are read back from the
 * database. Runs the background job worker beside the HTTP server, unless
 * --no-worker (several web processes with `hotich worker` processes beside
 * them). Stops cleanly on SIGINT/SIGTERM: requests in flight are answered,
 * the job in hand is handed back to the queue.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { contextOfUser, findUserByLogin, systemActor, withActor, type ActorContext } from '../auth/index.js';
import { loadConfig, parsePort } from '../core/index.js';
import {
  DEFAULT_DEMO_SEED,
  DEMO_COMMUNES,
  DEMO_PASSWORD,
  DEMO_STAGE_LABELS,
  DEMO_USERS,
  demoCounts,
  demoPopdbReturn,
  ensureDemoUsers,
  runStagedDemo,
  type DemoCounts,
  type DemoTeam,
  type StagedBookSummary,
} from '../demo/index.js';
import { buildApp } from '../server/index.js';
import { ensureBuiltinUnits } from '../units/index.js';
import { openContext } from './open-context.js';
import { seconds } from './say.js';

export interface ServeOptions {
  port?: string;
  data?: string;
  host?: string;
  demo?: boolean;
  /** false with --no-worker: web only, the jobs are left to `hotich worker` processes. */
  worker?: boolean;
}

interface DemoStart {
  /** The demo users, when the demo province is still to be made (an empty database). */
  pending: DemoTeam | undefined;
  /** Whether the demo logins exist (to print them). */
  logins: boolean;
}

async function prepareDemo(ctx: ActorContext): Promise<DemoStart> {
  const counts = await demoCounts(ctx.store.db);
  if (counts.books === 0) return { pending: await ensureDemoUsers(ctx), logins: true };
  return { pending: undefined, logins: (await findUserByLogin(ctx, DEMO_USERS[0]!.login)) !== undefined };
}

function printDemoLogins(): void {
  console.log(`Tài khoản minh họa (mật khẩu chung: ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS) console.log(`  ${u.login.padEnd(10)} ${u.displayName} — ${u.note}`);
}

const bookLine = (b: StagedBookSummary): string => `  Đã tạo ${b.title} (${b.authority}): ${b.pages} trang, đã nhập ${b.keyed}/${b.records} việc đăng ký — ${DEMO_STAGE_LABELS[b.stage]}.`;

function countsLine(c: DemoCounts): string {
  const parts = [
    `${c.books} quyển sổ`,
    `${c.pages} trang ảnh`,
    `${c.registrations} việc đăng ký đã nhập liệu (${c.completed} đã hoàn thành, ${c.drafts} đang nhập)`,
    `${c.keyingPasses} lần nhập độc lập`,
    `${c.openDisagreements} chỗ khác nhau chờ trọng tài`,
    `${c.acceptedLots} lô đã nghiệm thu, ${c.openLots} lô đang kiểm tra mẫu`,
    `${c.exports} lần xuất dữ liệu (${c.signedOff} đã ký duyệt)`,
  ];
  return `Dữ liệu minh họa đã sẵn sàng: ${parts.join(', ')}.`;
}

/** The demo's population-DB return file (xlsx) for xã La Bằng, as its officer would receive it, into <data>/demo/. */
async function writeDemoPopdbFile(ctx: ActorContext, team: DemoTeam): Promise<void> {
  try {
    const officer = await contextOfUser(ctx, team.get('canbo')!.id, 'demo');
    const { name, bytes, rows } = await demoPopdbReturn(officer, `legacy:commune:${DEMO_COMMUNES.laBang.code}`, DEFAULT_DEMO_SEED);
    const file = path.join(ctx.config.dataDir, 'demo', name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes);
    console.log(`Tệp kết quả đối chiếu CSDL dân cư minh họa (${rows} dòng, xã La Bằng): ${file} — đăng nhập canbo, mở "Đối chiếu CSDL dân cư" và nhập tệp này.`);
  } catch (e) {
    console.error(`Không tạo được tệp đối chiếu CSDL dân cư minh họa: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The demo province behind the running server; a failure is told, never fatal to the server. */
async function demoInBackground(ctx: ActorContext, team: DemoTeam, stopping: () => boolean): Promise<void> {
  const started = performance.now();
  console.log('Đang tạo dữ liệu minh họa trong nền (6 quyển sổ, mỗi quyển ở một bước của quy trình); các quyển hiện dần trên trang web.');
  try {
    await runStagedDemo(ctx, { team, onBook: (b) => console.log(bookLine(b)) });
    console.log(countsLine(await demoCounts(ctx.store.db)));
    await writeDemoPopdbFile(ctx, team);
    console.log(`(Tạo dữ liệu minh họa mất ${seconds((performance.now() - started) / 1000)} giây. Dữ liệu là tổng hợp, không phải người thật.)`);
  } catch (e) {
    if (!stopping()) console.error(`Không tạo được dữ liệu minh họa: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export async function serveCommand(opts: ServeOptions): Promise<void> {
  const config = loadConfig({ dataDir: opts.data, port: parsePort(opts.port), host: opts.host });
  const opened = await openContext(config);
  const demoCtx = withActor(opened.ctx, systemActor('demo'));
  const demo = opts.demo ? await prepareDemo(demoCtx) : undefined;
  const app = await buildApp(opened.ctx, { worker: opts.worker !== false });
  let stopping = false;
  const stop = async () => {
    stopping = true;
    // Drains: no new connection is accepted, requests in flight are answered, idle keep-alive connections close; then the job in hand (if any) is handed back.
    await app.close();
    await opened.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite tại ${config.dataDir}`;
  console.log(`hotich đang chạy: http://localhost:${config.port}/ (cơ sở dữ liệu: ${where})`);
  console.log(`Sẵn sàng trả lời sau ${seconds(process.uptime())} giây kể từ khi khởi động.`);
  if (demo?.logins) printDemoLogins();
  void firstStartInBackground(demoCtx, demo?.pending, () => stopping);
}

/**
 * After the server answers: the built-in unit lists on a first start (a
 * minute on a busy machine), then the demo province when one is due (its
 * authorities resolve against those lists).
 */
async function firstStartInBackground(ctx: ActorContext, team: DemoTeam | undefined, stopping: () => boolean): Promise<void> {
  try {
    if (await ensureBuiltinUnits(ctx)) console.log('Đã nạp danh mục đơn vị hành chính có sẵn (lần chạy đầu tiên).');
  } catch (e) {
    if (!stopping()) console.error(`Không nạp được danh mục đơn vị hành chính có sẵn: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  if (team) await demoInBackground(ctx, team, stopping);
}
