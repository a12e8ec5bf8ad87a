/**
 * Reading the zip container of an xlsx without trusting it (yauzl, random
 * access on the uploaded bytes). Before any part is inflated: the number of
 * entries, each part's declared uncompressed size, the sum of the declared
 * sizes and each part's compression ratio are checked against IMPORT_LIMITS.
 * While a part is inflated its actual bytes are counted and the stream is
 * stopped as soon as they pass what was declared or the limit (a zip that lies
 * about its sizes). Every refusal is an Invalid with a Vietnamese message.
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { Invalid } from '../core/index.js';

export const IMPORT_LIMITS = {
  /** The uploaded file itself. */
  fileBytes: 100 * 1024 ** 2,
  /**
   * One part (a sheet's XML, the shared strings), uncompressed. A genuine
   * sheet costs about 0,7–1,5 KB of XML per row, so 1 GiB holds a 200.000-row
   * sheet with room to spare; the streamed reader's memory does not grow with it.
   */
  partBytes: 1024 ** 3,
  /** Every part together, uncompressed. */
  totalBytes: 1.5 * 1024 ** 3,
  /**
   * Uncompressed / compressed, for parts above ratioFloorBytes. Genuine sheet
   * XML compresses 8–30:1 (measured: 10,5:1 for the MoJ template written by
   * exceljs, 12:1 for its shared strings); a deflate bomb reaches ~1000:1.
   */
  ratio: 200,
  ratioFloorBytes: 4 * 1024 ** 2,
  entries: 5000,
} as const;

const MB = (n: number) => `${Math.round(n / 1024 ** 2)} MB`;

export const bombError = (why: string) => new Invalid('import.zip_bomb', `Tệp bị từ chối vì có dấu hiệu "bom nén" (zip bomb): ${why}. Không có dữ liệu nào được đọc.`, 'file');

export interface XlsxZip {
  has(name: string): boolean;
  /** The part's uncompressed bytes as a stream, stopped at its declared size and the limit. */
  open(name: string): Promise<Readable>;
  close(): void;
}

function checkEntry(e: Entry): void {
  if (e.uncompressedSize > IMPORT_LIMITS.partBytes) {
    throw bombError(`phần "${e.fileName}" khai báo ${MB(e.uncompressedSize)} khi giải nén (tối đa ${MB(IMPORT_LIMITS.partBytes)})`);
  }
  const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
  if (e.uncompressedSize > IMPORT_LIMITS.ratioFloorBytes && ratio > IMPORT_LIMITS.ratio) {
    throw bombError(`phần "${e.fileName}" nén với tỉ lệ ${Math.round(ratio)}:1 (tối đa ${IMPORT_LIMITS.ratio}:1)`);
  }
}

async function listEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  let total = 0;
  for await (const e of zip.eachEntry()) {
    if (entries.size >= IMPORT_LIMITS.entries) throw bombError(`có hơn ${IMPORT_LIMITS.entries} phần trong tệp`);
    checkEntry(e);
    total += e.uncompressedSize;
    if (total > IMPORT_LIMITS.totalBytes) throw bombError(`tổng dung lượng khi giải nén vượt ${MB(IMPORT_LIMITS.totalBytes)}`);
    entries.set(e.fileName.replace(/^\/+/, ''), e);
  }
  return entries;
}

/** Passes bytes through, failing once more than `max` bytes went by. */
function byteCap(name: string, max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      seen += chunk.length;
      if (seen > max) done(bombError(`phần "${name}" giải nén ra nhiều hơn dung lượng khai báo (${MB(max)})`));
      else done(null, chunk);
    },
  });
}

function notAZip(e: unknown): Invalid {
  const detail = e instanceof Error ? ` (${e.message})` : '';
  return new Invalid('import.not_xlsx', `Tệp không đọc được như một tệp Excel .xlsx (cấu trúc zip hỏng)${detail}.`, 'file');
}

async function openZip(bytes: Buffer): Promise<ZipFile> {
  try {
    return await yauzl.fromBufferPromise(bytes, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false });
  } catch (e) {
    throw notAZip(e);
  }
}

export async function openXlsxZip(bytes: Buffer): Promise<XlsxZip> {
  if (bytes.length > IMPORT_LIMITS.fileBytes) {
    throw new Invalid('import.file_too_large', `Tệp quá lớn (${MB(bytes.length)}; tối đa ${MB(IMPORT_LIMITS.fileBytes)}). Hãy tách thành nhiều tệp.`, 'file');
  }
  const zip = await openZip(bytes);
  let entries: Map<string, Entry>;
  try {
    entries = await listEntries(zip);
  } catch (e) {
    zip.close();
    throw e instanceof Invalid ? e : notAZip(e);
  }
  return {
    has: (name) => entries.has(name),
    async open(name) {
      const entry = entries.get(name);
      if (!entry) throw new Invalid('import.not_xlsx', `Tệp .xlsx thiếu phần "${name}".`, 'file');
      if (entry.isEncrypted()) throw new Invalid('import.encrypted', 'Tệp .xlsx có phần được mã hóa; hãy bỏ mật khẩu rồi lưu lại.', 'file');
      const raw = await zip.openReadStreamPromise(entry);
      const capped = raw.pipe(byteCap(name, Math.min(entry.uncompressedSize, IMPORT_LIMITS.partBytes)));
      raw.on('error', (e: Error) => capped.destroy(e.message.includes('too many bytes') ? bombError(`phần "${name}" giải nén ra nhiều hơn khai báo`) : e));
      return capped;
    },
    close: () => zip.close(),
  };
}
