/**
 * One book, one registration, on both backends: a second book with the
 * same register type, authority, year and quyển (spaces and case aside) is
 * refused (Conflict → 409) with a link to the first; a copy book (sổ lưu /
 * bản sao) and another quyển are accepted; the copy flag is on the view.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../test/support/backends.js';
import { testContext } from '../../test/support/context.js';
import { rejection } from '../../test/support/errors.js';
import type { ActorContext } from '../auth/index.js';
import { createBook } from './index.js';

describeBackends('book identity', (store) => {
  let ctx: ActorContext;
  let dispose: () => void;
  beforeAll(() => {
    ({ ctx, dispose } = testContext(store()));
  });
  afterAll(() => dispose());

  it('refuses a second registration of one book, unless it is a copy book', async () => {
    const first = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã Hòa Bình', yearFrom: 1999, volumeNo: '01/1999' });
    const again = await rejection(createBook(ctx, { registerType: 'KS', authority: '  ubnd xã  Hòa Bình ', yearFrom: 1999, volumeNo: '01/1999 ' }));
    expect(again).toMatchObject({ kind: 'conflict', code: 'book.duplicate', details: { existingId: first.id, link: `#/books/${first.id}` } });
    expect(again.message).toContain('Mỗi quyển sổ chỉ đăng ký một lần');
    const copy = await createBook(ctx, { registerType: 'KS', authority: 'UBND xã Hòa Bình', yearFrom: 1999, volumeNo: '01/1999', isCopy: true });
    expect(copy).toMatchObject({ isCopy: true });
    expect(first.isCopy).toBe(false);
    await createBook(ctx, { registerType: 'KS', authority: 'UBND xã Hòa Bình', yearFrom: 1999, volumeNo: '02/1999' });
    await createBook(ctx, { registerType: 'KT', authority: 'UBND xã Hòa Bình', yearFrom: 1999, volumeNo: '01/1999' });
  });
});
