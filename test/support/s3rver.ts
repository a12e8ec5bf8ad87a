/**
 * Test fixture: s3rver (fake S3, devDependency) in a child process on
 * 127.0.0.1, ephemeral port, its own temp folder. A child process because
 * s3rver's ListObjectsV2 continuation tokens use DES, which Node's OpenSSL 3
 * only offers with --openssl-legacy-provider; the child also exits when its
 * parent's pipe closes, so a crashed test run leaves no server behind.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface RunningS3rver {
  endpoint: string;
  stop(): Promise<void>;
}

export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

const CHILD = `
import S3rver from 's3rver';
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: process.argv[1] });
const { port } = await server.run();
console.log(JSON.stringify({ port }));
process.stdin.on('end', () => server.close().finally(() => process.exit(0))).resume();
`;

export async function startS3rver(): Promise<RunningS3rver> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hotich-s3rver-'));
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '--input-type=module', '-e', CHILD, dir], {
    cwd: process.cwd(),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const [line] = (await Promise.race([once(createInterface({ input: child.stdout }), 'line'), exited])) as unknown[];
  const port = typeof line === 'string' ? (JSON.parse(line) as { port: number }).port : undefined;
  if (!port) throw new Error('s3rver did not start');
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      child.stdin.end();
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
