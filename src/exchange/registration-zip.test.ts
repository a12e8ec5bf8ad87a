/**
 * zipRegistrationPdfs: the zip is read back through its central directory
 * (names, UTF-8 flag, stored entries, CRC-32 of every entry) and, where the
 * machine has it, `unzip -t`; bad and duplicate names are refused in
 * Vietnamese; a slow reader bounds how far the producer runs ahead; a PDF
 * already written can be garbage-collected (memory stays flat per book).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { Invalid } from '../core/index.js';
import { checkPdfFileName } from './pdf-file-name.js';
import { zipRegistrationPdfs, type NamedPdf } from './registration-zip.js';

interface CentralEntry {
  name: string;
  utf8: boolean;
  method: number;
  size: number;
  crcOk: boolean;
}

/** Reads the end-of-central-directory record, then every central header and the data it points to. */
function readCentralDirectory(zip: Buffer): CentralEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd).toBeGreaterThan(-1);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const [flags, method, crc, size, nameLen, extraLen, commentLen, local] = [
      zip.readUInt16LE(at + 8),
      zip.readUInt16LE(at + 10),
      zip.readUInt32LE(at + 16),
      zip.readUInt32LE(at + 24),
      zip.readUInt16LE(at + 28),
      zip.readUInt16LE(at + 30),
      zip.readUInt16LE(at + 32),
      zip.readUInt32LE(at + 42),
    ];
    const name = zip.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const crcOk = crc32(zip.subarray(dataStart, dataStart + size)) === crc;
    entries.push({ name, utf8: (flags & 0x0800) !== 0, method, size, crcOk });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

async function tinyPdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(text);
  doc.addPage([595.28, 841.89]);
  return Buffer.from(await doc.save());
}

/** Collects what is written; `delayMs` makes it a slow reader. */
class Sink extends Writable {
  chunks: Buffer[] = [];
  written = 0;
  constructor(private readonly delayMs = 0) {
    super({ highWaterMark: 64 * 1024 });
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, done: (e?: Error | null) => void): void {
    this.chunks.push(chunk);
    this.written += chunk.length;
    if (this.delayMs) setTimeout(done, this.delayMs);
    else done();
  }
  get data(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

async function* generate(names: string[]): AsyncGenerator<NamedPdf> {
  for (const name of names) yield { name, pdf: await tinyPdf(name) };
}

describe('zipRegistrationPdfs', () => {
  it('streams an async iterable into a valid zip with NFC UTF-8 names', async () => {
    const names = ['KS-0001 Nguyễn Văn An.pdf', 'KS-0002 Trần Thị Bích Ngọc.pdf', 'KT-0003 Lê Đức Thọ.pdf', 'KH-0004 Phạm Thuý & Hoà.pdf'];
    const sink = new Sink();
    const res = await zipRegistrationPdfs(generate(names.map((n) => n.normalize('NFD'))), sink, { mtime: new Date('2025-07-01T08:00:00') });
    expect(res).toEqual({ files: 4, bytes: sink.data.length });
    const entries = readCentralDirectory(sink.data);
    expect(entries.map((e) => e.name)).toEqual(names.map((n) => n.normalize('NFC')));
    for (const e of entries) expect(e).toMatchObject({ utf8: true, method: 0, crcOk: true });

    const dir = await mkdtemp(join(tmpdir(), 'hotich-zip-'));
    try {
      const file = join(dir, 'out.zip');
      await writeFile(file, sink.data);
      const unzip = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
      if (!unzip.error) expect(unzip.status, unzip.stdout + unzip.stderr).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('accepts a plain array and an empty input', async () => {
    const sink = new Sink();
    expect(await zipRegistrationPdfs([], sink)).toMatchObject({ files: 0 });
    expect(readCentralDirectory(sink.data)).toEqual([]);
  });

  it.each([
    ['', 'tên tệp trống'],
    ['ho-so/KS-1.pdf', 'không được chứa dấu "/"'],
    ['ho-so\\KS-1.pdf', 'không được chứa dấu "/" hoặc "\\"'],
    ['../KS-1.pdf', 'không được chứa ".."'],
    ['KS..1.pdf', 'không được chứa ".."'],
    ['KS:1.pdf', 'ký tự điều khiển'],
    ['KS\u00001.pdf', 'ký tự điều khiển'],
    [' KS-1.pdf', 'khoảng trắng'],
    ['.KS-1.pdf', 'dấu chấm'],
    ['CON.pdf', 'thiết bị dành riêng'],
    ['KS-1.docx', 'phải có đuôi .pdf'],
    [`${'Nguyễn '.repeat(40)}.pdf`, 'dài quá 255 byte'],
  ])('refuses the name %j in Vietnamese and destroys the output', async (name, why) => {
    const sink = new Sink();
    const err = await zipRegistrationPdfs(
      [
        { name: 'ok.pdf', pdf: Buffer.from('%PDF') },
        { name, pdf: Buffer.from('%PDF') },
      ],
      sink,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Invalid);
    expect(err).toMatchObject({ code: 'exchange.zip_name_invalid' });
    expect((err as Invalid).message).toContain('Tên tệp');
    expect((err as Invalid).message).toContain(why);
    expect(sink.destroyed).toBe(true);
  });

  it('refuses duplicates equal after NFC and case folding', async () => {
    for (const dup of ['Hồ sơ 1.pdf'.normalize('NFD'), 'HỒ SƠ 1.PDF']) {
      const err = await zipRegistrationPdfs(
        [
          { name: 'Hồ sơ 1.pdf', pdf: Buffer.from('%PDF') },
          { name: dup, pdf: Buffer.from('%PDF') },
        ],
        new Sink(),
      ).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'exchange.zip_name_duplicate', message: 'Tên tệp "' + dup.normalize('NFC') + '" bị trùng trong tệp nén.' });
    }
  });

  it('does not let the producer run far ahead of a slow reader', async () => {
    const sink = new Sink(1);
    const entry = Buffer.alloc(1024 * 1024, 7);
    let produced = 0;
    let maxAhead = 0;
    async function* many(): AsyncGenerator<NamedPdf> {
      for (let i = 0; i < 40; i++) {
        maxAhead = Math.max(maxAhead, produced - sink.written);
        produced += entry.length;
        yield { name: `KS-${i}.pdf`, pdf: entry };
      }
    }
    const res = await zipRegistrationPdfs(many(), sink);
    expect(res.files).toBe(40);
    expect(maxAhead).toBeLessThanOrEqual(8 * 1024 * 1024 + 2 * entry.length);
    expect(readCentralDirectory(sink.data).every((e) => e.crcOk && e.size === entry.length)).toBe(true);
  });

  it('lets a PDF go once it is written (the zip does not keep every PDF of the book)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const sink = new Writable({ write: (_chunk, _enc, done) => done() }); // reads and forgets
    const refs: WeakRef<Buffer>[] = [];
    let alive: number | undefined;
    async function* many(): AsyncGenerator<NamedPdf> {
      for (let i = 0; i < 30; i++) {
        if (i === 25) {
          await new Promise(setImmediate);
          gc();
          alive = refs.slice(0, 20).filter((r) => r.deref() !== undefined).length;
        }
        const pdf = Buffer.alloc(256 * 1024, i);
        refs.push(new WeakRef(pdf));
        yield { name: `KS-${i}.pdf`, pdf };
      }
    }
    expect((await zipRegistrationPdfs(many(), sink)).files).toBe(30);
    expect(alive).toBe(0);
  });

  it('fails and destroys the output when the producer throws', async () => {
    const sink = new Sink();
    async function* broken(): AsyncGenerator<NamedPdf> {
      yield { name: 'KS-1.pdf', pdf: Buffer.from('%PDF') };
      throw new Error('blob missing');
    }
    await expect(zipRegistrationPdfs(broken(), sink)).rejects.toThrow('blob missing');
    expect(sink.destroyed).toBe(true);
  });
});

it('checkPdfFileName returns the NFC name', () => {
  expect(checkPdfFileName('Khai sinh – Đặng Quốc Thịnh.pdf'.normalize('NFD'))).toBe('Khai sinh – Đặng Quốc Thịnh.pdf'.normalize('NFC'));
});
