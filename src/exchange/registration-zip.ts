/**
 * Streams registration PDFs into one zip (yazl) written to `out`. Entries are
 * stored, not deflated (PDF images are already JPEG), with UTF-8 names checked
 * by pdf-file-name.ts. At most HIGH_WATER bytes of PDFs wait in memory: the
 * next entry is pulled only when the output has taken the earlier ones, so a
 * slow client slows the producer instead of filling memory, and a PDF is let
 * go once written (releaseWritten: yazl itself would keep every buffer until
 * the zip ends). On any error the output is destroyed (a half-written zip is
 * never presented as complete).
 */
import { Transform, type TransformCallback, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { nameRegistry } from './pdf-file-name.js';

export interface NamedPdf {
  name: string;
  pdf: Buffer;
}

export interface ZipResult {
  files: number;
  /** Bytes written to `out`. */
  bytes: number;
}

export interface ZipOptions {
  /** Entry timestamps; defaults to now. */
  mtime?: Date;
}

const HIGH_WATER = 8 * 1024 * 1024;

/** Counts the bytes passing through and emits 'progress' for each chunk. */
class ByteCounter extends Transform {
  bytes = 0;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    this.emit('progress');
    done(null, chunk);
  }
}

/** The part of a yazl 3.3 entry (internal, version pinned) that holds its data. */
interface YazlEntry {
  state: number;
  doFileDataPump: (() => void) | null;
}
const FILE_DATA_DONE = 3;

/**
 * yazl keeps each entry (needed for the central directory) and with it the
 * closure that wrote its data, so every added buffer stays reachable until
 * the zip ends: a 2,000-registration book would hold all its PDFs in memory.
 * Drops the closures of the entries written so far; returns the next index.
 */
export function releaseWritten(zip: ZipFile, from: number): number {
  const entries = (zip as unknown as { entries: YazlEntry[] }).entries;
  let i = from;
  for (; i < entries.length && entries[i]!.state === FILE_DATA_DONE; i++) entries[i]!.doFileDataPump = null;
  return i;
}

export async function zipRegistrationPdfs(entries: AsyncIterable<NamedPdf> | Iterable<NamedPdf>, out: Writable, opts: ZipOptions = {}): Promise<ZipResult> {
  const zip = new ZipFile();
  const counter = new ByteCounter();
  const done = pipeline(zip.outputStream, counter, out);
  done.catch(() => undefined); // observed below; keeps an early failure from being "unhandled"
  const admit = nameRegistry();
  const mtime = opts.mtime ?? new Date();
  let files = 0;
  let queued = 0;
  let released = 0;
  try {
    for await (const entry of entries) {
      const name = admit(entry.name);
      zip.addBuffer(entry.pdf, name, { compress: false, mtime });
      files++;
      queued += entry.pdf.length;
      await until(counter, () => queued - counter.bytes <= HIGH_WATER);
      released = releaseWritten(zip, released);
    }
    zip.end();
    await done;
  } catch (e) {
    counter.destroy(e instanceof Error ? e : new Error(String(e)));
    await done.catch(() => undefined); // settles once pipeline has destroyed `out` too
    throw e;
  }
  return { files, bytes: counter.bytes };
}

/** Resolves when `ok()` holds after some output; rejects if the stream closes first. */
function until(counter: ByteCounter, ok: () => boolean): Promise<void> {
  if (ok()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onProgress = () => {
      if (!ok()) return;
      cleanup();
      resolve();
    };
    const onClose = () => {
      cleanup();
      reject(counter.errored ?? new Error('zip output closed early'));
    };
    const cleanup = () => {
      counter.off('progress', onProgress);
      counter.off('close', onClose);
    };
    counter.on('progress', onProgress);
    counter.on('close', onClose);
  });
}
