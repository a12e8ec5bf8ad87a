/**
 * Moving through the book from the keyboard: the next / previous record
 * (after saving this one; a record that cannot be saved is not left), a new
 * record on the page shown, the next / previous page in the viewer, and
 * copy-forward from the previous record of the book.
 */
import { useCallback, useState } from 'react';
import { copyForwardValues } from './form-fields.js';
import { api, type BookInfo, type FormDescription, type FormField, type PageInfo, type RecordListItem, type RecordView, type Values } from './keying.api.js';
import { pendingChanges } from './draft.js';
import { rememberRecord } from './record-cache.js';
import type { RecordEditor } from './useRecordEditor.js';

export interface KeyingData {
  record: RecordView;
  form: FormDescription;
  book: BookInfo;
  /** A window of the book's registrations around the record (record-cache.ts): position offset of the list of total. */
  records: RecordListItem[];
  offset: number;
  total: number;
  pages: PageInfo[];
}

export interface BookNavigation {
  position: number;
  pages: PageInfo[];
  pageIndex: number;
  nextRecord(): Promise<void>;
  prevRecord(): Promise<void>;
  newRecord(): Promise<void>;
  turnPage(step: 1 | -1): void;
  copyForward(): Promise<void>;
}

const open = (id: string) => {
  location.hash = `#/records/${id}`;
};

/** `previous`: the values of the registration before this one, when the browser holds them (the keying aids' book memory). */
export function useBookNavigation(data: KeyingData, fields: readonly FormField[], editor: RecordEditor, say: (text: string) => void, previous: Values | undefined): BookNavigation {
  const position = data.records.findIndex((r) => r.id === data.record.id);
  const pages = data.pages.filter((p) => p.status === 'present');
  const [pageIndex, setPageIndex] = useState(() =>
    Math.max(
      0,
      pages.findIndex((p) => p.id === data.record.pageIds[0]),
    ),
  );

  const leaveTo = useCallback(
    async (target: RecordListItem | undefined, none: string) => {
      if (!target) return say(none);
      // Nothing typed and nothing in flight: leave at once (a save would only re-render this screen on its way out).
      const clean = editor.saveState.kind === 'saved' && !pendingChanges(editor.current());
      if (clean || (await editor.save())) {
        rememberRecord(editor.current().base);
        open(target.id);
      } else say('Chưa lưu được bản ghi này nên chưa chuyển sang bản ghi khác.');
    },
    [editor, say],
  );

  const newRecord = useCallback(async () => {
    const page = pages[pageIndex];
    if (!page) return say('Sổ chưa có trang ảnh nào để gắn bản ghi mới.');
    if (!(await editor.save())) return say('Chưa lưu được bản ghi này nên chưa tạo bản ghi mới.');
    rememberRecord(editor.current().base);
    try {
      open((await api.create(data.book.id, [page.id])).id);
    } catch (e) {
      say((e as Error).message);
    }
  }, [pages, pageIndex, editor, data.book.id, say]);

  const copyForward = useCallback(async () => {
    const prev = data.records[position - 1];
    if (!prev) return say('Không có bản ghi trước trong sổ để chép.');
    try {
      const copied = copyForwardValues(fields, editor.current().values, previous ?? (await api.record(prev.id)).values);
      for (const [key, value] of Object.entries(copied)) editor.setValue(key, value);
      const labels = fields.filter((f) => f.key in copied).map((f) => f.label);
      say(labels.length ? `Đã chép từ bản ghi trước: ${labels.join(', ')}.` : 'Các trường chép được đều đã có giá trị; không chép gì.');
    } catch (e) {
      say((e as Error).message);
    }
  }, [data.records, position, fields, editor, say, previous]);

  const turnPage = useCallback(
    (step: 1 | -1) => {
      const next = pageIndex + step;
      if (next < 0 || next >= pages.length) return say(step > 0 ? 'Đây là trang cuối của sổ.' : 'Đây là trang đầu của sổ.');
      setPageIndex(next);
    },
    [pageIndex, pages.length, say],
  );

  return {
    position,
    pages,
    pageIndex,
    newRecord,
    copyForward,
    turnPage,
    nextRecord: () => leaveTo(data.records[position + 1], 'Đây là bản ghi cuối của sổ (Alt+N để thêm bản ghi mới).'),
    prevRecord: () => leaveTo(data.records[position - 1], 'Đây là bản ghi đầu tiên của sổ.'),
  };
}
