/**
 * Tesseract 5 with its Vietnamese model (Debian: tesseract-ocr, tesseract-ocr-vie),
 * run as a process: the PNG goes in on stdin, word boxes come back as TSV.
 * One thread per process (OMP_THREAD_LIMIT=1): pages run side by side instead,
 * which is faster on a small machine. Nothing is downloaded: the model is the
 * local traineddata (TESSDATA_PREFIX when set, else Debian's path).
 */
import { spawn } from 'node:child_process';
import type { OcrEngine, OcrWord } from './engine.js';

const BINARY = 'tesseract';

function run(args: readonly string[], input?: Buffer): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(BINARY, args, { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out: Buffer.concat(out).toString('utf8'), err: Buffer.concat(err).toString('utf8') }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/** Words of Tesseract's TSV (level 5 rows), line numbers made global in reading order. */
export function parseTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  const lines = new Map<string, number>();
  for (const row of tsv.split('\n').slice(1)) {
    const c = row.split('\t');
    if (c.length < 12 || c[0] !== '5') continue;
    const text = (c[11] ?? '').trim();
    if (text === '') continue;
    const key = `${c[2]}/${c[3]}/${c[4]}`;
    if (!lines.has(key)) lines.set(key, lines.size);
    words.push({
      text: text.normalize('NFC'),
      confidence: Math.max(0, Math.min(1, Number(c[10]) / 100)),
      box: { x: Number(c[6]), y: Number(c[7]), w: Number(c[8]), h: Number(c[9]) },
      line: lines.get(key)!,
    });
  }
  return words;
}

export interface TesseractOptions {
  lang?: string;
  /** Page segmentation mode; 6 = one block of text (the table body, rules erased). */
  psm?: number;
}

export function tesseractEngine(opts: TesseractOptions = {}): OcrEngine {
  const lang = opts.lang ?? 'vie';
  const psm = String(opts.psm ?? 6);
  return {
    id: `tesseract-5-${lang}`,
    async available() {
      try {
        const r = await run(['--list-langs']);
        const langs = `${r.out}\n${r.err}`.split('\n').map((l) => l.trim());
        return langs.includes(lang) ? { ok: true } : { ok: false, reason: `Chưa cài mô hình tiếng Việt của Tesseract (gói tesseract-ocr-${lang}).` };
      } catch {
        return { ok: false, reason: 'Chưa cài Tesseract (gói tesseract-ocr).' };
      }
    },
    async recognize(png) {
      const r = await run(['stdin', 'stdout', '-l', lang, '--psm', psm, '-c', 'preserve_interword_spaces=0', 'tsv'], png);
      if (r.code !== 0) throw new Error(`tesseract exited ${r.code}: ${r.err.slice(0, 300)}`);
      return parseTsv(r.out);
    },
  };
}
