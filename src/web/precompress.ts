/**
 * Build step (a Vite plugin, used by vite.config.ts only): writes a Brotli
 * (`.br`, quality 11) and a gzip (`.gz`, level 9) sibling next to every
 * text file of the build (scripts, styles, index.html, SVG, JSON, source
 * maps). The server serves them as they are (@fastify/static `preCompressed`,
 * server/app.ts), so a commune office's slow line carries about a quarter of
 * the bytes and the server spends no CPU compressing per request: the
 * strongest settings cost ~1 s once, at build time. A sibling that would not
 * be smaller is not written (the original is served instead).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Files worth compressing; images and fonts are compressed already. */
export const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|map|txt|wasm)$/;

async function compressFile(file: string): Promise<void> {
  const raw = await readFile(file);
  const [br, gz] = await Promise.all([
    brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
    gzip(raw, { level: 9 }),
  ]);
  if (br.length < raw.length) await writeFile(`${file}.br`, br);
  if (gz.length < raw.length) await writeFile(`${file}.gz`, gz);
}

export function precompress(): Plugin {
  return {
    name: 'hotich-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? path.dirname(options.file ?? '');
      const files = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name));
      await Promise.all(files.map((name) => compressFile(path.join(dir, name))));
    },
  };
}
