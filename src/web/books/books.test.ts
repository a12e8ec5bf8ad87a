/** The web's book-status words are the server's, in the line's order (the filter offers every status, loaded included). */
import { describe, expect, it } from 'vitest';
import { BOOK_STATUS_LABELS as SERVER, BOOK_STATUSES } from '../../archive/index.js';
import { BOOK_STATUS_LABELS } from './books.api.js';

describe('book status labels', () => {
  it('are the server list, in the order of the line', () => {
    expect(BOOK_STATUS_LABELS).toEqual(SERVER);
    expect(Object.keys(BOOK_STATUS_LABELS)).toEqual([...BOOK_STATUSES]);
  });
});
