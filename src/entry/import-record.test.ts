/** The created action of an imported registration: no page is allowed only together with its source. */
import { describe, expect, it } from 'vitest';
import { parseActionBody } from './actions.schema.js';

const base = { bookId: '00000000-0000-4000-8000-000000000001', registerType: 'KS', templateId: 'KS-70', pageIds: [] as string[] };
const source = { kind: 'import', importId: '00000000-0000-4000-8000-000000000002', file: 'a.xlsx', sheet: 'DL Import', row: 2, sha256: 'b'.repeat(64) };

describe('created payload', () => {
  it('accepts no page when the record comes from a file, and keeps the source', () => {
    const body = parseActionBody('created', { ...base, source });
    expect(body.kind === 'created' && body.payload.source).toEqual(source);
  });

  it('refuses no page without a source, in Vietnamese', () => {
    expect(() => parseActionBody('created', base)).toThrow(/Cần ít nhất một trang của việc đăng ký/);
  });
});
