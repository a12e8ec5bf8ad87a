/**
 * Uploading scans into a book: many files at once, each sent with the tus
 * protocol (resumes after a dropped connection), each with its own progress
 * bar, then the ingest result in Vietnamese (pages added, duplicate, refused).
 */
import { useState, type ChangeEvent } from 'react';
import { Upload } from 'tus-js-client';
import type { IngestSummary } from './books.api.js';

interface FileState {
  name: string;
  percent: number;
  result?: string;
  failed?: boolean;
}

function describe(summary: IngestSummary): { text: string; failed: boolean } {
  const pages = summary.files.reduce((n, f) => n + f.pages.length, 0);
  if (summary.rejected[0]) return { text: summary.rejected[0].message, failed: true };
  if (summary.duplicates[0]) return { text: summary.duplicates[0].message, failed: false };
  return { text: `Đã thêm ${pages} trang.`, failed: false };
}

function send(file: File, bookId: string, update: (s: Partial<FileState>) => void): Promise<void> {
  return new Promise((resolve) => {
    const upload = new Upload(file, {
      endpoint: '/api/uploads',
      chunkSize: 1024 * 1024,
      retryDelays: [0, 1000, 3000, 10000, 30000],
      metadata: { bookId, filename: file.name },
      onProgress: (sent, total) => update({ percent: total ? Math.round((sent / total) * 100) : 0 }),
      onError: (e) => {
        const body = (e as { originalResponse?: { getBody(): string } }).originalResponse?.getBody() ?? '';
        const message = /"message":"([^"]+)"/.exec(body)?.[1] ?? 'Tải lên không thành công; hãy thử lại.';
        update({ result: message, failed: true });
        resolve();
      },
      onAfterResponse: (_req, res) => {
        const body = res.getBody();
        if (res.getStatus() === 200 && body.startsWith('{')) {
          const { text, failed } = describe(JSON.parse(body) as IngestSummary);
          update({ percent: 100, result: text, failed });
        }
      },
      onSuccess: () => resolve(),
    });
    upload.findPreviousUploads().then(
      (previous) => {
        if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
        upload.start();
      },
      () => upload.start(),
    );
  });
}

export function UploadPanel({ bookId, onDone }: { bookId: string; onDone: () => void }) {
  const [files, setFiles] = useState<FileState[]>([]);

  async function pick(e: ChangeEvent<HTMLInputElement>) {
    const list = [...(e.target.files ?? [])];
    e.target.value = '';
    setFiles(list.map((f) => ({ name: f.name, percent: 0 })));
    for (const [i, file] of list.entries()) {
      await send(file, bookId, (s) => setFiles((cur) => cur.map((x, j) => (j === i ? { ...x, ...s } : x))));
    }
    onDone();
  }

  return (
    <section className="upload">
      <label className="file-button">
        Chọn ảnh quét để tải lên…
        <input type="file" multiple accept="image/*,application/pdf,.tif,.tiff,.heic" onChange={(e) => void pick(e)} />
      </label>{' '}
      <span className="hint">JPEG, PNG, TIFF, PDF, ảnh điện thoại; chọn được nhiều tệp; mạng chập chờn vẫn tải tiếp được.</span>
      <ul>
        {files.map((f) => (
          <li key={f.name} className={f.failed ? 'failed' : ''}>
            <span>{f.name}</span> <progress max={100} value={f.percent} aria-label={`Tiến độ ${f.name}`} /> {f.percent}%{f.result && <div className="result">{f.result}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
