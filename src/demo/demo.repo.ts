/**
 * The demo's own queries: is the inventory empty, and what the database holds
 * once the demo is made (records are keyed through the services).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';

export async function countBooks(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('books')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** What the database holds, counted (what serve announces after the demo, so the numbers are the real ones). */
export interface DemoCounts {
  books: number;
  pages: number;
  registrations: number;
  completed: number;
  drafts: number;
  keyingPasses: number;
  openDisagreements: number;
  acceptedLots: number;
  openLots: number;
  exports: number;
  signedOff: number;
}

export async function demoCounts(db: Kysely<Database>): Promise<DemoCounts> {
  const n = (row: { n: string | number | bigint }) => Number(row.n);
  const records = await db
    .selectFrom('records')
    .select(['status', 'keying_of'])
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .groupBy(['status', 'keying_of'])
    .execute();
  const regs = (status?: string) => records.filter((r) => r.keying_of === null && (!status || r.status === status)).reduce((s, r) => s + n(r), 0);
  const keyingPasses = await db
    .selectFrom('records')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('keying_of', 'is not', null)
    .executeTakeFirstOrThrow();
  const lots = await db
    .selectFrom('qc_lots')
    .select('status')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .groupBy('status')
    .execute();
  const lotsIn = (s: string) => lots.filter((l) => l.status === s).reduce((sum, l) => sum + n(l), 0);
  return {
    books: await countBooks(db),
    pages: n(
      await db
        .selectFrom('pages')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('status', '=', 'present')
        .executeTakeFirstOrThrow(),
    ),
    registrations: regs(),
    completed: regs('completed'),
    drafts: regs('draft'),
    keyingPasses: n(keyingPasses),
    openDisagreements: n(
      await db
        .selectFrom('qc_disagreements')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('status', '=', 'open')
        .executeTakeFirstOrThrow(),
    ),
    acceptedLots: lotsIn('accepted'),
    openLots: lotsIn('sampling'),
    exports: n(
      await db
        .selectFrom('exports')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow(),
    ),
    signedOff: n(
      await db
        .selectFrom('exports')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('signed_off_at', 'is not', null)
        .executeTakeFirstOrThrow(),
    ),
  };
}
