/**
 * `hotich worker`: a process that runs background jobs only (exports,
 * imports … from the jobs table), no HTTP. Any number of workers and of web
 * processes (`hotich serve --no-worker`) may share one PostgreSQL and one
 * blob store: a job is claimed by one statement (FOR UPDATE SKIP LOCKED) under
 * a lease (src/core job-lease.ts), so it runs once. SIGTERM/SIGINT: the job in
 * hand is handed back to the queue at once (another worker takes it), then the
 * process exits; a worker killed outright loses its lease, and its job is
 * taken back after about 1,5 leases (HOTICH_JOB_LEASE_SECONDS).
 */
import { loadConfig } from '../core/index.js';
import { startWorker } from '../server/index.js';
import { openContext } from './open-context.js';

export async function workerCommand(opts: { data?: string }): Promise<void> {
  const config = loadConfig({ dataDir: opts.data });
  const opened = await openContext(config);
  const leaseMs = config.jobLeaseMs;
  const worker = startWorker(opened.ctx, { leaseMs, heartbeatMs: Math.max(50, Math.floor(leaseMs / 3)), staleCheckMs: Math.max(100, Math.floor(leaseMs / 2)) });
  const stop = async (signal: string) => {
    console.log(`Nhận tín hiệu ${signal}: trả lại công việc đang làm (nếu có) và dừng.`);
    await worker.stop({ handBack: true });
    await opened.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite tại ${config.dataDir}`;
  console.log(`hotich worker ${worker.id} đang chạy các công việc nền (cơ sở dữ liệu: ${where}).`);
}
