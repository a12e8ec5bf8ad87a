/**
 * What `audit verify` can find wrong in a chain, each with a Vietnamese
 * sentence that names the row (table, id, place in the chain).
 */
import type { ChainHead } from './chain.js';

export const PROBLEM_KINDS = ['gap', 'duplicate_seq', 'prev_mismatch', 'hash_mismatch', 'anchor_mismatch', 'tail_missing', 'head_mismatch', 'outside_chain', 'no_head'] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export interface ChainProblem {
  kind: ProblemKind;
  /** The row named: its table, id and place in the chain (null where no row exists to name). */
  table: string | null;
  id: string | null;
  seq: string | null;
  message: string;
}

/** A hash known from outside the chain's rows: a daily checkpoint, or a head published earlier. */
export interface Anchor {
  chainId: string;
  seq: string;
  hash: string;
  /** How to name it for people: "điểm mốc ngày 2026-11-24", "đầu chuỗi đã công bố". */
  source: string;
}

export interface RowRef {
  table: string;
  id: string;
  seq: string;
}

export const rowName = (r: RowRef): string => `dòng ${r.table} #${r.id} (số thứ tự ${r.seq})`;

const problem = (kind: ProblemKind, row: RowRef | null, message: string): ChainProblem => ({
  kind,
  table: row?.table ?? null,
  id: row?.id ?? null,
  seq: row?.seq ?? null,
  message,
});

export function gap(chainId: string, row: RowRef, expected: bigint, previous: RowRef | undefined): ChainProblem {
  const missing = BigInt(row.seq) - expected;
  const range = missing === 1n ? `số thứ tự ${expected}` : `${missing} dòng, số thứ tự ${expected}–${BigInt(row.seq) - 1n}`;
  const before = previous ? `giữa ${rowName(previous)} và ${rowName(row)}` : `trước ${rowName(row)}`;
  return problem('gap', row, `Chuỗi "${chainId}" thiếu ${range} ${before}: dòng đã bị xóa.`);
}

export const duplicateSeq = (chainId: string, row: RowRef): ChainProblem =>
  problem('duplicate_seq', row, `Chuỗi "${chainId}": ${rowName(row)} trùng số thứ tự với một dòng khác: có dòng được chèn thêm.`);

export const prevMismatch = (chainId: string, row: RowRef, previous: RowRef | undefined): ChainProblem =>
  problem(
    'prev_mismatch',
    row,
    `Chuỗi "${chainId}": ${rowName(row)} không nối tiếp ${previous ? rowName(previous) : 'điểm đầu chuỗi'}: thứ tự các dòng đã bị đổi, hoặc dòng trước đã bị sửa cả mã băm hoặc bị xóa.`,
  );

export const hashMismatch = (chainId: string, row: RowRef): ChainProblem =>
  problem('hash_mismatch', row, `Chuỗi "${chainId}": ${rowName(row)} đã bị sửa trực tiếp trong cơ sở dữ liệu: nội dung không còn khớp với mã băm đã ghi.`);

export const anchorMismatch = (chainId: string, row: RowRef, anchor: Anchor): ChainProblem =>
  problem('anchor_mismatch', row, `Chuỗi "${chainId}": ${rowName(row)} có mã băm khác với ${anchor.source}: chuỗi đã bị viết lại từ dòng này trở về trước.`);

export const anchorBeyondEnd = (chainId: string, anchor: Anchor, lastSeq: bigint): ChainProblem =>
  problem('anchor_mismatch', null, `Chuỗi "${chainId}": ${anchor.source} ghi số thứ tự ${anchor.seq} nhưng chuỗi chỉ còn đến số thứ tự ${lastSeq}: các dòng sau đã bị xóa.`);

export function tailMissing(chainId: string, head: ChainHead, lastSeq: bigint): ChainProblem {
  const gone = head.rowTable && head.rowId ? { table: head.rowTable, id: head.rowId, seq: head.seq } : null;
  const count = BigInt(head.seq) - lastSeq;
  const which = gone ? `dòng cuối (${rowName(gone)})` : `dòng cuối (số thứ tự ${head.seq})`;
  const others = count > 1n ? `; tất cả ${count} dòng số thứ tự ${lastSeq + 1n}–${head.seq} đã bị xóa` : ' đã bị xóa';
  return { ...problem('tail_missing', gone, `Chuỗi "${chainId}": đầu chuỗi ghi ${which} nhưng dòng đó không còn trong cơ sở dữ liệu${others}.`), seq: head.seq };
}

export const rowsAfterHead = (chainId: string, row: RowRef, head: ChainHead): ChainProblem =>
  problem('head_mismatch', row, `Chuỗi "${chainId}": ${rowName(row)} nằm sau đầu chuỗi (số thứ tự ${head.seq}): dòng được thêm khi trình kích hoạt bị tắt.`);

export const headHashMismatch = (chainId: string, last: RowRef | undefined, head: ChainHead): ChainProblem =>
  problem('head_mismatch', last ?? null, `Chuỗi "${chainId}": mã băm ở đầu chuỗi (số thứ tự ${head.seq}) khác với ${last ? rowName(last) : 'chuỗi rỗng'}: dòng cuối hoặc đầu chuỗi đã bị sửa.`);

export const outsideChain = (chainId: string, table: string, id: string, count: number): ChainProblem => ({
  ...problem(
    'outside_chain',
    null,
    `Chuỗi "${chainId}": bảng ${table} có ${count} dòng không thuộc chuỗi, ví dụ dòng ${table} #${id}: dòng được thêm khi trình kích hoạt bị tắt hoặc bị chuyển sang chuỗi khác.`,
  ),
  table,
  id,
});

export const noHead = (chainId: string): ChainProblem => problem('no_head', null, `Chuỗi "${chainId}" không có đầu chuỗi trong bảng audit_heads: bảng đã bị sửa.`);
