/**
 * Route #/records/:id: loads the record, then its form description, book,
 * a window of the book's records and its pages (from record-cache.ts where
 * it can: a switch to a prefetched neighbour needs no request), and shows the
 * keying screen. Pass B of a
 * book double-keyed on critical fields only shows just those fields (the
 * QC module names them).
 */
import { useEffect, useState } from 'react';
import { KeyingScreen } from './KeyingScreen.js';
import { loadKeyingData, peekKeyingData, prefetchAround } from './record-cache.js';
import type { KeyingData } from './useBookNavigation.js';

export function KeyingPage({ id, userId, readOnly = false }: { id: string; userId?: string; readOnly?: boolean }) {
  // A neighbour fetched ahead opens in the first render, with no loading step (record-cache.ts).
  const [data, setData] = useState<KeyingData | undefined>(() => peekKeyingData(id));
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (data) return prefetchAround(data);
    let live = true;
    loadKeyingData(id).then(
      (d) => {
        if (!live) return;
        setData(d);
        prefetchAround(d);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [id]);
  if (error)
    return (
      <p role="alert" className="keying-message">
        {error} <a href="#/">Về danh sách quyển sổ</a>
      </p>
    );
  if (!data) return <p className="keying-message">Đang tải bản ghi…</p>;
  return <KeyingScreen key={id} data={data} userId={userId} readOnly={readOnly} />;
}
