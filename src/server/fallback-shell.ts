/** The page served at / when the web app has not been built (npm run build:web). */
export const FALLBACK_SHELL = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>hotich — Số hóa Sổ hộ tịch</title></head>
<body><h1>hotich — Số hóa Sổ hộ tịch</h1>
<p>Máy chủ đang chạy, nhưng giao diện web chưa được dựng. Hãy chạy <code>npm run build:web</code> hoặc <code>npm start</code>.</p>
<p><a href="/api/health">Tình trạng hệ thống</a></p></body></html>`;
