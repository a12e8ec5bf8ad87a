/**
 * `hotich serve`: open the database, migrate, load the built-in unit lists on
 * first start, listen. With `--demo` (what `npm start` uses) an EMPTY
 * database first gets the demo province and its demo users, and the logins
 * are printed. Runs the background job worker (exports) beside the HTTP
 * server. Stops cleanly on SIGINT/SIGTERM (the job in hand finishes first).
 */
import { listBooks } from '../archive/index.js';
import { systemActor, withActor, type ActorContext } from '../auth/index.js';
import { loadConfig, parsePort } from '../core/index.js';
import { DEMO_PASSWORD, DEMO_USERS, ensureDemoUsers, runDemoIfEmpty } from '../demo/index.js';
import { buildApp } from '../server/index.js';
import { ensureBuiltinUnits } from '../units/index.js';
import { openContext } from './open-context.js';

export interface ServeOptions {
  port?: string;
  data?: string;
  host?: string;
  demo?: boolean;
}

async function demoIfEmpty(ctx: ActorContext): Promise<boolean> {
  if ((await listBooks(ctx, { limit: 1 })).items.length > 0) return false;
  console.log('Cơ sở dữ liệu trống: đang tạo dữ liệu minh họa (khoảng nửa phút)…');
  const summary = await runDemoIfEmpty(ctx, {});
  if (!summary) return false;
  await ensureDemoUsers(ctx);
  console.log(`Đã tạo ${summary.books.length} quyển sổ, ${summary.pages} trang, ${summary.records} việc đăng ký minh họa.`);
  return true;
}

function printDemoLogins(): void {
  console.log(`Tài khoản minh họa (mật khẩu: ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS) console.log(`  ${u.login.padEnd(10)} ${u.displayName} — ${u.note}`);
}

export async function serveCommand(opts: ServeOptions): Promise<void> {
  const config = loadConfig({ dataDir: opts.data, port: parsePort(opts.port), host: opts.host });
  const opened = await openContext(config);
  if (await ensureBuiltinUnits(opened.ctx)) console.log('Đã nạp danh mục đơn vị hành chính có sẵn (lần chạy đầu tiên).');
  const demo = opts.demo && (await demoIfEmpty(withActor(opened.ctx, systemActor('demo'))));
  const app = await buildApp(opened.ctx, { worker: true });
  const stop = async () => {
    await app.close();
    await opened.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite tại ${config.dataDir}`;
  console.log(`hotich đang chạy: http://localhost:${config.port}/  (cơ sở dữ liệu: ${where})`);
  if (demo) printDemoLogins();
}
