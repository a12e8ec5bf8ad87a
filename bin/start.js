#!/usr/bin/env node
// `npm start`: build only when the sources changed since the last build (a
// build stamp: the SHA-256 of every file the build reads, kept in
// dist/.build-stamp), then `hotich serve --demo` in this same process, so the
// "ready after … s" line the server prints counts from the moment npm started us.
// `node bin/start.js --check` only says whether a build is needed (exit 1 if so);
// `--stamp` stamps what `npm run build` just built.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = path.join(root, 'dist', '.build-stamp');
/** What the build reads besides src/: the configs and the locked dependency tree. */
const INPUTS = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'tsconfig.server.json', 'tsconfig.web.json'];
const OUTPUTS = ['dist/server/cli/index.js', 'dist/web/index.html'];

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (!/\.test\.tsx?$/.test(entry.name)) yield full;
  }
}

/** One hash over the names and contents of every build input, in a fixed order. */
export function sourceHash() {
  const files = [...sourceFiles(path.join(root, 'src')), ...INPUTS.map((f) => path.join(root, f)).filter((f) => existsSync(f))].sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(path.relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  return hash.digest('hex');
}

function upToDate(hash) {
  if (!OUTPUTS.every((f) => existsSync(path.join(root, f)))) return false;
  return existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === hash;
}

const hash = sourceHash();
if (process.argv.includes('--stamp')) {
  // `npm run build` ends here: what it just built is stamped, so the next npm start skips the build.
  writeFileSync(STAMP, `${hash}\n`);
  process.exit(0);
}
if (process.argv.includes('--check')) {
  console.log(upToDate(hash) ? 'Bản biên dịch đã mới nhất.' : 'Mã nguồn đã thay đổi: cần biên dịch lại.');
  process.exit(upToDate(hash) ? 0 : 1);
}
if (!upToDate(hash)) {
  console.log('Mã nguồn đã thay đổi kể từ lần biên dịch trước: đang biên dịch (npm run build)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const built = spawnSync(npm, ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) {
    console.error('Biên dịch không thành công (xem lỗi ở trên). Hãy sửa rồi chạy lại npm start.');
    process.exit(built.status ?? 1);
  }
} else {
  console.log('Mã nguồn không đổi kể từ lần biên dịch trước: bỏ qua bước biên dịch.');
}
const { run } = await import(new URL('../dist/server/cli/index.js', import.meta.url).href);
await run(['serve', '--demo', ...process.argv.slice(2)]);
