/** `hotich serve`: open the database, migrate, listen. Stops cleanly on SIGINT/SIGTERM. */
import { loadConfig, parsePort } from '../core/index.js';
import { openContext } from './open-context.js';
import { buildApp } from '../server/index.js';
import { ensureBuiltinUnits } from '../units/index.js';

export interface ServeOptions {
  port?: string;
  data?: string;
  host?: string;
}

export async function serveCommand(opts: ServeOptions): Promise<void> {
  const config = loadConfig({ dataDir: opts.data, port: parsePort(opts.port), host: opts.host });
  const opened = await openContext(config);
  if (await ensureBuiltinUnits(opened.ctx)) console.log('Đã nạp danh mục đơn vị hành chính có sẵn (lần chạy đầu tiên).');
  const app = await buildApp(opened.ctx);
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
}
