/**
 * The audit hash chains. Two logs: 'actions' (every write: record_actions
 * and entity_actions interleaved) and 'access' (every read of personal
 * data: access_log), kept apart so reads never wait for writes. Since
 * migration 0028 each log is cut into one chain per book: a row that
 * belongs to a book (a record's action, an entity action or a read with a
 * book_id) is in '<log>:<book id>'; a row of no book, and every row written
 * before 0028, is in the log's base chain ('actions', 'access'). Writers of
 * different books never wait for each other. A chain's log is the part of
 * its id before the first ':' (the shape a deployment of many provinces
 * can extend).
 */
export const CHAINS = ['actions', 'access'] as const;
/** A log, and the id of its base chain. */
export type ChainLog = (typeof CHAINS)[number];
/** 'actions', 'access', or '<log>:<book id>'. */
export type ChainId = string;

export const CHAIN_TABLES = {
  actions: ['record_actions', 'entity_actions'],
  access: ['access_log'],
} as const satisfies Record<ChainLog, readonly string[]>;
export type ChainTable = (typeof CHAIN_TABLES)[ChainLog][number];

/** What each log holds, for people. */
const LOG_LABELS: Record<ChainLog, string> = {
  actions: 'thao tác ghi (bản ghi, quyển sổ, trang, kiểm tra chất lượng, xuất, người dùng, phân quyền)',
  access: 'nhật ký truy cập dữ liệu cá nhân',
};

/** prev_hash of a chain's first row, and the hash of an empty chain. */
export const GENESIS_HASH = '0'.repeat(64);

const BOOK_CHAIN = /^(actions|access):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

const isLog = (v: string): v is ChainLog => (CHAINS as readonly string[]).includes(v);

/** A base chain ('actions', 'access') or a book's chain ('actions:<uuid>', 'access:<uuid>'). */
export const isChainId = (v: string): v is ChainId => isLog(v) || BOOK_CHAIN.test(v);

/** The log a chain belongs to. */
export const chainLog = (chainId: ChainId): ChainLog => chainId.split(':', 1)[0] as ChainLog;

/** The book of a book's chain (undefined for a base chain). */
export const chainBook = (chainId: ChainId): string | undefined => BOOK_CHAIN.exec(chainId)?.[2];

/** What a chain holds, for people. */
export function chainLabel(chainId: ChainId): string {
  const log = LOG_LABELS[chainLog(chainId)];
  const book = chainBook(chainId);
  return book ? `${log} của quyển sổ ${book}` : `${log}: dòng không thuộc quyển sổ nào, và mọi dòng ghi trước khi tách chuỗi theo quyển sổ`;
}

/** The last row of a chain, as the database's head row says. */
export interface ChainHead {
  chainId: string;
  seq: string;
  hash: string;
  /** The table and id of the last row (null for an empty chain). */
  rowTable: string | null;
  rowId: string | null;
  updatedAt: string;
}
