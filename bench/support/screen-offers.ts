/**
 * What hotich's keying screen offers for a field when the keyer reaches it,
 * from the screen's own aids (src/web/keying/aids.ts, pure): the date in
 * words from its date, the page viewed, the next số, a person's name or
 * residence repeated from another person of the record, the previous
 * record's and the book's frequent values, the book's authority. Taken as
 * the screen keyer of bench:keying takes an offer: ↓ to it and Enter (Enter
 * moves on), only when the offer is the whole value. Counted on the EMPTY
 * field only (the screen also narrows its offers while one types, which is
 * not counted here: the count errs high), with the values of the fields
 * before it in the catalog's order, the book's earlier records (at most 20,
 * as the screen keeps) and no place lookup (it needs the server). And the
 * screen's Tab order: an empty field the book does not use (or that must stay
 * empty) is passed over (no key); a value in a field Tab passes over is
 * reached with Ctrl+J, its MoJ key and Enter, as the screen keyer does.
 */
import { fieldRequirements, formDescription, type RegisterTemplate } from '../../src/registers/index.js';
// The screen's own aids, pure and browser-safe; the web feature has no Node-side index (its index is the lazy React page).
// eslint-disable-next-line no-restricted-imports
import { learnBook } from '../../src/web/keying/aids-learn.js';
// eslint-disable-next-line no-restricted-imports
import { skippedInTabOrder, suggestionsFor, type AidContext } from '../../src/web/keying/aids.js';

const MEMORY_RECORDS = 20;

export interface BookScreen {
  template: RegisterTemplate;
  authority: string;
  /** Earlier records of the book, nearest first. */
  memory: Record<string, string>[];
}

export interface RecordScreen {
  /** Keys to take the field's whole value from the offers on the empty field (↓ × its rank, Enter); undefined when not offered. */
  offer(key: string): number | undefined;
  /** Tab passes over the field when the keyer reaches it (the screen's skippedInTabOrder). */
  skipped(key: string): boolean;
}

/** The screen as the keyer of one record of the book meets it, field by field in the focus order. */
export function recordScreen(book: BookScreen, pageSeq: number, values: Readonly<Record<string, string>>): RecordScreen {
  const form = formDescription(book.template);
  const fields = form.groups.flatMap((g) => g.fields);
  const memory = book.memory.slice(0, MEMORY_RECORDS);
  const ctx: AidContext = {
    fields,
    byKey: new Map(fields.map((f) => [f.key, f])),
    defs: new Map(book.template.fields.map((f) => [f.key, f])),
    groupOf: new Map(form.groups.flatMap((g) => g.fields.map((f) => [f.key, g.id] as const))),
    persons: book.template.persons,
    previous: memory[0],
    learning: learnBook(fields, memory),
    pageSeq,
    places: [],
    authority: book.authority || undefined,
  };
  const order = fields.map((f) => f.key);
  /** What the form holds when the keyer reaches `key`: the fields before it in the focus order. */
  const before = (key: string) => Object.fromEntries(order.slice(0, order.indexOf(key)).flatMap((k) => (values[k] ? [[k, values[k]]] : [])));
  return {
    offer: (key) => {
      const truth = values[key] ?? '';
      if (truth === '' || !ctx.byKey.has(key)) return undefined;
      const at = suggestionsFor(ctx, key, before(key)).findIndex((s) => s.value === truth && !s.word);
      return at < 0 ? undefined : at + 1;
    },
    skipped: (key) => {
      if (!ctx.byKey.has(key)) return false;
      const now = before(key);
      return skippedInTabOrder(ctx, key, now, fieldRequirements(book.template, now)[key]);
    },
  };
}
