/**
 * The write locks of the audit chains, taken in one fixed order. The insert
 * trigger of a chained row (migrations 0012, 0028) takes its chain's
 * transaction advisory lock, pg_advisory_xact_lock(727002, hashtext(chain
 * id)), and holds it until commit. A transaction that writes rows of several
 * books takes several such locks, one per book as it reaches it; two such
 * transactions reaching books A, B and B, A would wait for each other and
 * PostgreSQL would abort one (deadlock, SQLSTATE 40P01). So a writer of
 * several chains first calls lockChains with every chain it will write: the
 * locks are taken at once in ascending order of their key, the same order in
 * every transaction; the triggers then find them held (an advisory lock is
 * re-entrant within a transaction). Writers of one chain need nothing.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../store/index.js';
import type { ChainId, ChainLog } from './chain.js';

/** The first key of the chains' advisory locks (the triggers of 0012 and 0028 use the same). */
const CHAIN_LOCK_CLASS = 727002;

/** The chain a book's rows of this log go to ('actions:<book id>'), as the trigger names it. */
export const bookChainId = (bookId: string, log: ChainLog = 'actions'): ChainId => `${log}:${bookId.toLowerCase()}`;

/** Takes the write locks of these chains in the one fixed order (ascending lock key), held until the transaction ends. */
export async function lockChains(tx: Transaction<Database>, chainIds: readonly ChainId[]): Promise<void> {
  if (chainIds.length === 0) return;
  const ids = sql.join([...new Set(chainIds)].map((c) => sql`${c}::text`));
  // The ordered subquery is not flattened, so the locks are taken row by row in key order.
  await sql`select count(pg_advisory_xact_lock(${CHAIN_LOCK_CLASS}, k)) from (select distinct hashtext(c) as k from unnest(array[${ids}]) as c order by k) as ordered`.execute(tx);
}

/** The write chains of these books (and the base chain 'actions' with `base`), locked in the fixed order. */
export async function lockBookChains(tx: Transaction<Database>, bookIds: readonly string[], opts: { base?: boolean } = {}): Promise<void> {
  await lockChains(tx, [...(opts.base ? ['actions'] : []), ...bookIds.map((b) => bookChainId(b))]);
}
