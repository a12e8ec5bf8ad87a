/**
 * Heads and checkpoints for people: `audit head` prints each chain's head to
 * publish or sign; `audit checkpoint` (nightly) stores the heads as the day's
 * checkpoint, once per chain and day (Vietnam time; a book's chain only when
 * it moved since its last checkpoint), and `audit verify`
 * later checks that the rows at those places still carry those hashes.
 * A published head reads "<chain>:<seq>:<hash>", the form verify --expect takes.
 */
import type { Kysely } from 'kysely';
import { Invalid } from '../core/index.js';
import type { Database } from '../store/index.js';
import { isChainId, type ChainHead } from './chain.js';
import { insertCheckpoints, listCheckpoints, listHeads, type Checkpoint } from './heads.repo.js';
import type { Anchor } from './verify-problems.js';

const VN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

/** yyyy-mm-dd of the instant in Vietnam (UTC+7). */
export const vietnamDay = (at: Date): string => VN_DAY.format(at);

export const listAuditHeads = (db: Kysely<Database>): Promise<ChainHead[]> => listHeads(db);

/** The one-line form of a head to publish: "<chain>:<seq>:<hash>". */
export const headLine = (h: Pick<ChainHead, 'chainId' | 'seq' | 'hash'>): string => `${h.chainId}:${h.seq}:${h.hash}`;

/** Stores today's checkpoint of every chain (kept when one exists already) and returns the day's checkpoints. */
export async function takeCheckpoint(db: Kysely<Database>, now: Date): Promise<Checkpoint[]> {
  const day = vietnamDay(now);
  await insertCheckpoints(db, day, now);
  return listCheckpoints(db, { day });
}

/** A published head given back to verify ("<chain>:<seq>:<hash>"); anything else is an Invalid in Vietnamese. */
export function parseHeadLine(text: string): Anchor {
  const m = /^([a-z0-9_:-]+?):(\d+):([0-9a-f]{64})$/.exec(text.trim());
  if (!m || !isChainId(m[1]!)) {
    throw new Invalid(
      'audit.bad_head',
      `Đầu chuỗi "${text}" không hợp lệ: cần dạng <chuỗi>:<số thứ tự>:<mã băm 64 ký tự hex>, ví dụ actions:120:${'ab'.repeat(32)} (chuỗi: actions, access, hoặc actions:<mã quyển sổ>, access:<mã quyển sổ>).`,
    );
  }
  return { chainId: m[1]!, seq: m[2]!, hash: m[3]!, source: `đầu chuỗi đã công bố (số thứ tự ${m[2]})` };
}
