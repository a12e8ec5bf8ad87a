/**
 * The audit hash chains (migration 0012). An installation serves one
 * province, so there are two chains: 'actions' (every write: record_actions
 * and entity_actions interleaved) and 'access' (every read of personal data:
 * access_log), kept apart so reads never wait for writes. The chain_id
 * column lets a deployment serving many provinces key chains by province
 * later ('actions:46', …) without changing the rows' shape.
 */
export const CHAINS = ['actions', 'access'] as const;
export type ChainId = (typeof CHAINS)[number];

export const CHAIN_TABLES = {
  actions: ['record_actions', 'entity_actions'],
  access: ['access_log'],
} as const satisfies Record<ChainId, readonly string[]>;
export type ChainTable = (typeof CHAIN_TABLES)[ChainId][number];

/** What each chain holds, for people. */
export const CHAIN_LABELS: Record<ChainId, string> = {
  actions: 'thao tác ghi (bản ghi, quyển sổ, trang, kiểm tra chất lượng, xuất, người dùng, phân quyền)',
  access: 'nhật ký truy cập dữ liệu cá nhân',
};

/** prev_hash of a chain's first row, and the hash of an empty chain. */
export const GENESIS_HASH = '0'.repeat(64);

export const isChainId = (v: string): v is ChainId => (CHAINS as readonly string[]).includes(v);

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
