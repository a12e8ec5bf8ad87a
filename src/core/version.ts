/** The running hotich version, read once from package.json. */
import { readFileSync } from 'node:fs';

function readVersion(): string {
  const url = new URL('../../package.json', import.meta.url);
  try {
    return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  } catch {
    // dist/server/core → ../../../package.json
    const up = new URL('../../../package.json', import.meta.url);
    return (JSON.parse(readFileSync(up, 'utf8')) as { version: string }).version;
  }
}

export const VERSION: string = readVersion();
