import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.js';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // precompress: .br and .gz next to every script, style and index.html (served as they are, server/app.ts).
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // The browser-safe modules only declare things (ESLint: no Node, no I/O), so what the web does not use is dropped:
    // registers' HTTP routes and their Zod schemas stay out of the keying chunk.
    rolldownOptions: { treeshake: { moduleSideEffects: [{ test: /[\\/]src[\\/](common|vn|registers)[\\/][^\\/]+\.ts$/, sideEffects: false }] } },
  },
  server: { proxy: { '/api': 'http://localhost:8080', '/iiif': 'http://localhost:8080' } },
});
