/**
 * Real `hotich` processes for the scale-out tests: each is a child process
 * running the CLI from the sources (node --import tsx, hotich-entry.ts),
 * with its own environment (DATABASE_URL, HOTICH_* …). A web process answers
 * on a free port; `ready()` waits for /api/health (or, for a worker, for its
 * first line). Output is kept for failure messages. `stop()` sends SIGTERM
 * and waits for the exit; `kill()` is SIGKILL (a machine that dies).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const entry = path.join(root, 'test/support/hotich-entry.ts');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface HotichProcess {
  child: ChildProcess;
  /** http://127.0.0.1:<port> for a web process. */
  base: string;
  output(): string;
  ready(seconds?: number): Promise<void>;
  exited(): Promise<number | null>;
  stop(): Promise<number | null>;
  kill(): Promise<number | null>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startHotich(kind: 'serve' | 'worker', env: Record<string, string>, args: string[] = []): Promise<HotichProcess> {
  const port = kind === 'serve' ? await freePort() : 0;
  const argv = kind === 'serve' ? ['serve', '--port', String(port), '--host', '127.0.0.1', ...args] : ['worker', ...args];
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...argv], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const proc: HotichProcess = {
    child,
    base,
    output: () => out,
    async ready(seconds = 120) {
      for (let i = 0; i < seconds * 10; i++) {
        if (child.exitCode !== null) throw new Error(`hotich ${kind} exited ${child.exitCode}:\n${out}`);
        if (kind === 'worker') {
          if (out.includes('đang chạy')) return;
        } else {
          try {
            if ((await fetch(`${base}/api/health`)).ok) return;
          } catch {
            // not listening yet
          }
        }
        await sleep(100);
      }
      throw new Error(`hotich ${kind} not ready:\n${out}`);
    },
    exited: () => exit,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exit;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      return exit;
    },
  };
  return proc;
}
