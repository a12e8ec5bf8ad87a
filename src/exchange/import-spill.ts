/**
 * The rows of a big sheet kept on disk instead of in memory while an import
 * reads, checks and (when a row has an ERROR) reports: the xlsx reader
 * appends each data row here as it streams (one JSON line per row, written in
 * 1 MB chunks), and the check and the error report read them back in file
 * order, one at a time. So the import thread's memory does not grow with the
 * rows' cells (only with the row outcomes it must hand back). The file lives
 * in a private temporary directory and is removed by close().
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Cell, TableRow } from './import-table.js';

const CHUNK = 1024 * 1024;

export class RowSpill {
  readonly #dir: string;
  readonly #file: string;
  #fd: number | undefined;
  #pending: string[] = [];
  #pendingBytes = 0;
  #count = 0;

  constructor() {
    this.#dir = mkdtempSync(join(tmpdir(), 'hotich-import-'));
    this.#file = join(this.#dir, 'rows.ndjson');
    this.#fd = openSync(this.#file, 'w', 0o600);
  }

  get count(): number {
    return this.#count;
  }

  push(row: TableRow): void {
    const line = `${JSON.stringify([row.rowNo, [...row.cells]])}\n`;
    this.#pending.push(line);
    this.#pendingBytes += line.length;
    this.#count++;
    if (this.#pendingBytes >= CHUNK) this.#flush();
  }

  #flush(): void {
    if (this.#fd === undefined || this.#pending.length === 0) return;
    writeSync(this.#fd, this.#pending.join(''));
    this.#pending = [];
    this.#pendingBytes = 0;
  }

  /** Ends the writing; rows() may be called after it, any number of times. */
  finish(): void {
    this.#flush();
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }

  async *rows(): AsyncGenerator<TableRow> {
    this.finish();
    const lines = createInterface({ input: createReadStream(this.#file, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line === '') continue;
      const [rowNo, cells] = JSON.parse(line) as [number, [number, Cell][]];
      yield { rowNo, cells: new Map(cells) };
    }
  }

  close(): void {
    this.finish();
    rmSync(this.#dir, { recursive: true, force: true });
  }
}
