/**
 * Builds the web app into a folder of its own (as `npm run build:web` does,
 * precompressed siblings included) and returns what Vite printed, so a test
 * can read its warnings (INEFFECTIVE_DYNAMIC_IMPORT and the like).
 * NODE_ENV is forced to production: vitest sets it to "test", and Vite would
 * otherwise bundle React's development build (~1.7× the bytes, double
 * effects), so the tests would measure something that never ships.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export function buildWeb(outDir: string): string {
  const run = spawnSync('npm', ['run', 'build:web', '--', '--outDir', outDir, '--emptyOutDir'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(`build:web failed:\n${output}`);
  return output;
}
