/** The web shell: a hash router over the books screens, and the system status. */
import { useEffect, useState } from 'react';
import { BookPage, BooksPage } from '../books/index.js';
import { getJson, type Health } from '../shared/index.js';

const DB_NAME = { pglite: 'PGlite (nhúng)', postgresql: 'PostgreSQL' } as const;

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return hash;
}

export function App() {
  const [health, setHealth] = useState<Health>();
  const hash = useHash();
  useEffect(() => {
    getJson<Health>('/api/health').then(setHealth).catch(() => undefined);
  }, []);
  const bookId = /^#\/books\/([0-9a-f-]{36})/.exec(hash)?.[1];
  return (
    <main>
      <header>
        <h1><a href="#/">hotich — Số hóa Sổ hộ tịch</a></h1>
        {health && <p className="status" data-testid="health">Phiên bản {health.version} · Cơ sở dữ liệu: {DB_NAME[health.database]}</p>}
      </header>
      {bookId ? <BookPage id={bookId} /> : <BooksPage />}
    </main>
  );
}
