/** Pieces the role homes share: the load of GET /api/home, books by stage, registrations waiting for a check, and a figure tile. */
import { useEffect, useState, type ReactNode } from 'react';
import { BOOK_STATUS_LABELS } from '../books/index.js';
import { getHome, viNumber, type HomeView } from './home.api.js';

/** Loads a call once (aborted when the page goes); answers the value or the error's message. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>): { value?: T; error?: string } {
  const [state, setState] = useState<{ value?: T; error?: string }>({});
  useEffect(() => {
    const ac = new AbortController();
    load(ac.signal).then(
      (value) => setState({ value }),
      (e: Error) => {
        if (!ac.signal.aborted) setState({ error: e.message });
      },
    );
    return () => ac.abort();
  }, []);
  return state;
}

export const useHome = () => useLoad(getHome);

export function Tile({ label, value, testId, children }: { label: string; value: ReactNode; testId?: string; children?: ReactNode }) {
  return (
    <div className="tile" data-testid={testId}>
      <span className="tile-value">{value}</span>
      <span className="tile-label">{label}</span>
      {children}
    </div>
  );
}

/** The books the user sees, by stage of the line, each count opening the books table filtered to it. */
export function BooksByStage({ books }: { books: HomeView['books'] }) {
  return (
    <section className="card" aria-labelledby="stages-h">
      <h3 id="stages-h">Quyển sổ theo công đoạn ({viNumber(books.total)})</h3>
      <ul className="stage-list">
        {Object.entries(books.byStatus).map(([status, n]) => (
          <li key={status} data-testid={`stage-${status}`} className={n === 0 ? 'none' : undefined}>
            <a href={`#/books?status=${status}`}>
              <span className="stage-count">{viNumber(n)}</span> {BOOK_STATUS_LABELS[status] ?? status}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Completed registrations no check has accepted yet, and the books holding most of them. */
export function AwaitingCheck({ review, title }: { review: NonNullable<HomeView['review']>; title: string }) {
  return (
    <section className="card" aria-labelledby="awaiting-h">
      <h3 id="awaiting-h">
        {title}: <span data-testid="awaiting-count">{viNumber(review.records)}</span> bản ghi
      </h3>
      {review.books.length === 0 ? (
        <p className="hint">Không có bản ghi nào đang chờ.</p>
      ) : (
        <table aria-label={title}>
          <thead>
            <tr>
              <th>Quyển sổ</th>
              <th>Cơ quan đăng ký</th>
              <th className="num">Bản ghi chờ</th>
            </tr>
          </thead>
          <tbody>
            {review.books.map((b) => (
              <tr key={b.id}>
                <td>
                  <a href={`#/books/${b.id}`}>{b.title}</a>
                </td>
                <td>{b.authority}</td>
                <td className="num">{viNumber(b.records)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The page's title and a one-line "as of" note. */
export function HomeHead({ title, home }: { title: string; home: HomeView | undefined }) {
  return (
    <div className="home-head">
      <h2>{title}</h2>
      {home && <p className="hint">Số liệu đến ngày {`${home.today.slice(8, 10)}/${home.today.slice(5, 7)}/${home.today.slice(0, 4)}`}</p>}
    </div>
  );
}
