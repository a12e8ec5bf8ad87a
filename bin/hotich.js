#!/usr/bin/env node
// The `hotich` command: runs the compiled CLI (npm run build:server makes it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/server/cli/index.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('Chưa biên dịch hotich. Hãy chạy: npm run build');
  process.exit(2);
}
const { run } = await import(entry.href);
await run(process.argv.slice(2));
