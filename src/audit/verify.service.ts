/**
 * `audit verify`: walks each chain in chain_seq order, a batch at a time,
 * and stops at the first broken row: a place missing (deleted row), a place
 * taken twice, a row not linked to the one before (re-ordered, or the one
 * before deleted or rewritten), a row whose content no longer gives its hash
 * (edited), a row that differs from a checkpoint or a published head, rows
 * missing at the end or added after the head, rows outside any chain.
 * Each log is walked chain by chain: its base chain ('actions', 'access'),
 * then every book's chain (0028) whose head the database holds; rows of the
 * log's tables in none of them are "outside", reported on the base chain.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';
import { CHAIN_TABLES, chainLabel, chainLog, CHAINS, GENESIS_HASH, isChainId, type ChainHead, type ChainId, type ChainLog } from './chain.js';
import { listCheckpoints, listHeads } from './heads.repo.js';
import { chainBatch, countRows, firstRowOutside, type ChainRow } from './verify.repo.js';
import * as P from './verify-problems.js';

export interface ChainReport {
  chainId: ChainId;
  label: string;
  /** Rows checked before the first problem (all of them when ok). */
  rows: number;
  head: ChainHead | null;
  ok: boolean;
  problem?: P.ChainProblem;
}

export interface VerifyReport {
  ok: boolean;
  chains: ChainReport[];
}

export interface VerifyOptions {
  /** Published heads to check against (besides the checkpoints stored in the database). */
  anchors?: P.Anchor[];
  batchSize?: number;
}

interface Walk {
  expected: bigint;
  prevHash: string;
  rows: number;
  perTable: Map<string, number>;
  last: ChainRow | undefined;
  afterHead: ChainRow | undefined;
}

function checkRow(chainId: ChainId, w: Walk, row: ChainRow, anchor: P.Anchor | undefined): P.ChainProblem | undefined {
  const seq = BigInt(row.seq);
  if (seq > w.expected) return P.gap(chainId, row, w.expected, w.last);
  if (seq < w.expected) return P.duplicateSeq(chainId, row);
  if (row.prevHash !== w.prevHash) return P.prevMismatch(chainId, row, w.last);
  if (row.hash !== row.recomputed) return P.hashMismatch(chainId, row);
  if (anchor && anchor.hash !== row.hash) return P.anchorMismatch(chainId, row, anchor);
  return undefined;
}

function advance(w: Walk, row: ChainRow, head: ChainHead | undefined): void {
  w.expected += 1n;
  w.prevHash = row.hash;
  w.rows += 1;
  w.perTable.set(row.table, (w.perTable.get(row.table) ?? 0) + 1);
  w.last = row;
  if (head && !w.afterHead && BigInt(row.seq) > BigInt(head.seq)) w.afterHead = row;
}

function checkEnd(chainId: ChainId, w: Walk, head: ChainHead, anchors: P.Anchor[]): P.ChainProblem | undefined {
  const lastSeq = w.expected - 1n;
  if (BigInt(head.seq) > lastSeq) return P.tailMissing(chainId, head, lastSeq);
  if (w.afterHead) return P.rowsAfterHead(chainId, w.afterHead, head);
  if (head.hash !== w.prevHash) return P.headHashMismatch(chainId, w.last, head);
  const beyond = anchors.find((a) => BigInt(a.seq) > lastSeq);
  if (beyond) return P.anchorBeyondEnd(chainId, beyond, lastSeq);
  return undefined;
}

/** Rows of the log's tables beyond those walked in its chains: some are in no chain of the log. */
async function checkOutside(db: Kysely<Database>, log: ChainLog, walked: Map<string, number>): Promise<P.ChainProblem | undefined> {
  for (const table of CHAIN_TABLES[log]) {
    const extra = (await countRows(db, table)) - (walked.get(table) ?? 0);
    if (extra <= 0) continue;
    const id = await firstRowOutside(db, table, log);
    if (id) return P.outsideChain(log, table, id, extra);
  }
  return undefined;
}

async function walkRows(db: Kysely<Database>, chainId: ChainId, w: Walk, head: ChainHead, anchors: P.Anchor[], batch: number): Promise<P.ChainProblem | undefined> {
  const bySeq = new Map(anchors.map((a) => [a.seq, a]));
  let after = '0';
  for (;;) {
    let rows = await chainBatch(db, chainId, after, batch, true);
    // Short: the end of the chain, or places missing; only then ask for whatever comes next.
    if (rows.length < batch) rows = await chainBatch(db, chainId, after, batch);
    for (const row of rows) {
      const problem = checkRow(chainId, w, row, bySeq.get(row.seq));
      if (problem) return problem;
      advance(w, row, head);
    }
    if (rows.length < batch) return undefined;
    after = rows.at(-1)!.seq;
  }
}

interface Walked {
  report: ChainReport;
  perTable: Map<string, number>;
}

async function verifyChain(db: Kysely<Database>, chainId: ChainId, head: ChainHead | undefined, anchors: P.Anchor[], batch: number): Promise<Walked> {
  const base = { chainId, label: chainLabel(chainId), head: head ?? null };
  if (!head) return { report: { ...base, rows: 0, ok: false, problem: P.noHead(chainId) }, perTable: new Map() };
  const w: Walk = { expected: 1n, prevHash: GENESIS_HASH, rows: 0, perTable: new Map(), last: undefined, afterHead: undefined };
  const problem = (await walkRows(db, chainId, w, head, anchors, batch)) ?? checkEnd(chainId, w, head, anchors);
  return { report: problem ? { ...base, rows: w.rows, ok: false, problem } : { ...base, rows: w.rows, ok: true }, perTable: w.perTable };
}

/** The chains of a log: its base chain first, then the books' chains in id order. */
const chainsOf = (log: ChainLog, heads: Map<string, ChainHead>): ChainId[] => [log, ...[...heads.keys()].filter((id) => id !== log && isChainId(id) && chainLog(id) === log).sort()];

async function verifyLog(db: Kysely<Database>, log: ChainLog, heads: Map<string, ChainHead>, anchors: P.Anchor[], batch: number): Promise<ChainReport[]> {
  const reports: ChainReport[] = [];
  const walked = new Map<string, number>();
  for (const chainId of chainsOf(log, heads)) {
    const { report, perTable } = await verifyChain(
      db,
      chainId,
      heads.get(chainId),
      anchors.filter((a) => a.chainId === chainId),
      batch,
    );
    reports.push(report);
    for (const [table, n] of perTable) walked.set(table, (walked.get(table) ?? 0) + n);
  }
  if (!reports.every((r) => r.ok)) return reports;
  const outside = await checkOutside(db, log, walked);
  if (outside) reports[0] = { ...reports[0]!, ok: false, problem: outside };
  return reports;
}

/** Checks every chain against its rows, its head, the stored checkpoints and the given anchors. */
export async function verifyAuditChains(db: Kysely<Database>, opts: VerifyOptions = {}): Promise<VerifyReport> {
  const heads = new Map((await listHeads(db)).map((h) => [h.chainId, h]));
  const stored: P.Anchor[] = (await listCheckpoints(db)).map((c) => ({ chainId: c.chainId, seq: c.seq, hash: c.hash, source: `điểm mốc ngày ${c.day} (số thứ tự ${c.seq})` }));
  const anchors = [...stored, ...(opts.anchors ?? [])];
  const chains: ChainReport[] = [];
  for (const log of CHAINS) chains.push(...(await verifyLog(db, log, heads, anchors, opts.batchSize ?? 2000)));
  return { ok: chains.every((c) => c.ok), chains };
}
