/**
 * Route #/records/:id: loads the record, then its form description, book,
 * the book's records and pages, and shows the keying screen. Pass B of a
 * book double-keyed on critical fields only shows just those fields (the
 * QC module names them).
 */
import { useEffect, useState } from 'react';
import { KeyingScreen } from './KeyingScreen.js';
import { api, loadForm, restrictForm } from './keying.api.js';
import type { KeyingData } from './useBookNavigation.js';

async function loadKeyingData(id: string): Promise<KeyingData> {
  const record = await api.record(id);
  const [form, book, records, pages, passFields] = await Promise.all([
    loadForm(record.templateId), api.book(record.bookId), api.records(record.bookId), api.pages(record.bookId),
    record.keyingPass === 'B' ? api.passFields(record.id) : Promise.resolve(null),
  ]);
  return { record, form: passFields ? restrictForm(form, passFields) : form, book, records, pages };
}

export function KeyingPage({ id, userId, readOnly = false }: { id: string; userId?: string; readOnly?: boolean }) {
  const [data, setData] = useState<KeyingData>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    loadKeyingData(id).then((d) => live && setData(d), (e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [id]);
  if (error) return <p role="alert" className="keying-message">{error} <a href="#/">Về danh sách quyển sổ</a></p>;
  if (!data) return <p className="keying-message">Đang tải bản ghi…</p>;
  return <KeyingScreen key={id} data={data} userId={userId} readOnly={readOnly} />;
}
