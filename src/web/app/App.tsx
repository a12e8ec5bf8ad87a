/** The web shell: system status and the register catalog. The keying workbench grows from here. */
import { useEffect, useState } from 'react';
import { getJson, type Health, type TemplateSummary } from './api.js';

const DB_NAME = { pglite: 'PGlite (nhúng)', postgresql: 'PostgreSQL' } as const;

export function App() {
  const [health, setHealth] = useState<Health>();
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => {
    Promise.all([getJson<Health>('/api/health'), getJson<TemplateSummary[]>('/api/registers')])
      .then(([h, t]) => {
        setHealth(h);
        setTemplates(t);
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  return (
    <main>
      <header>
        <h1>hotich — Số hóa Sổ hộ tịch</h1>
        {health && (
          <p className="status" data-testid="health">
            Phiên bản {health.version} · Cơ sở dữ liệu: {DB_NAME[health.database]}
          </p>
        )}
      </header>
      {error && <p role="alert">{error}</p>}
      <section>
        <h2>Danh mục sổ hộ tịch</h2>
        <table>
          <thead>
            <tr><th>Mẫu</th><th>Sổ</th><th>Số cột</th><th>Nguồn</th></tr>
          </thead>
          <tbody>
            {templates.map((t) => (
              <tr key={t.id}>
                <td>{t.id}{t.current ? '' : ' (cũ)'}</td>
                <td>{t.title}</td>
                <td>{t.columns}</td>
                <td>{t.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
