// ESLint: typescript-eslint with type information; no floating promises; modules
// import each other only through their index.ts, and never "upward"
// (ARCHITECTURE.md: vn <- registers <- domain modules <- server, cli, web).
// common, vn and registers also run in the browser: no Node built-in, and
// registers may not import core (config, job runner); the web imports other
// modules' code only from those three (types from anywhere).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const MODULES = ['common', 'core', 'vn', 'registers', 'units', 'store', 'blobs', 'iiif', 'archive', 'ingest', 'entry', 'qc', 'exchange', 'search', 'extracts', 'plans', 'linkage', 'ocr', 'audit', 'auth', 'demo', 'server', 'web', 'cli'];
const DOMAIN = ['units', 'iiif', 'archive', 'ingest', 'entry', 'qc', 'exchange', 'search', 'extracts', 'plans', 'linkage', 'ocr', 'audit', 'auth', 'demo'];
const TOP = ['server', 'cli', 'web'];

/** Another module's internals: ../<module>/<anything but index.js>. */
const throughIndexOnly = {
  regex: '^(\\.\\./)+(src/)?(?!src/|test/|support/)[a-z-]+/(?!index\\.js$).+',
  message: 'Import another module only through its index.ts (ARCHITECTURE.md).',
};

const forbid = (mods) =>
  mods.map((m) => ({ regex: `^(\\.\\./)+(src/)?${m}/`, message: `This module may not import ${m}/ (dependency direction, ARCHITECTURE.md).` }));

/** Node built-ins: not in code the browser runs. */
const nodeBuiltin = { regex: '^node:', message: 'This module runs in the browser too: no Node built-ins (ARCHITECTURE.md).' };

function layer(dir, forbidden) {
  return {
    files: [`src/${dir}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: [throughIndexOnly, ...forbid(forbidden)] }] },
  };
}

/** layer(), and its code (tests aside: they run in Node) may not use Node built-ins. */
function browserSafeLayer(dir, forbidden) {
  const base = layer(dir, forbidden);
  const patterns = [...base.rules['no-restricted-imports'][1].patterns, nodeBuiltin];
  return [base, { files: base.files, ignores: ['src/**/*.test.ts'], rules: { 'no-restricted-imports': ['error', { patterns }] } }];
}

/** Modules whose code the web app may bundle. */
const BROWSER_SAFE = ['common', 'vn', 'registers'];

/** Web files `depth` folders below src/ (src/web/x.ts: 1): src/<module>/ is `depth` times ../ away. */
function webBundleOnly(depth) {
  const up = '\\.\\./'.repeat(depth);
  return {
    files: [`src/web/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
    ignores: ['src/web/**/*.test.{ts,tsx}', 'src/web/vite.config.ts', 'src/web/precompress.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { regex: `^${up}(?!(${BROWSER_SAFE.join('|')})/)[a-z-]+/`, allowTypeImports: true, message: 'The web app may bundle only common/, vn/ and registers/: import other modules as types (import type).' },
          { ...nodeBuiltin, allowTypeImports: true },
        ],
      }],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, parserOptions: { projectService: { allowDefaultProject: ['bin/*.js'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [throughIndexOnly] }],
    },
  },
  ...browserSafeLayer('common', MODULES.filter((m) => m !== 'common')),
  layer('core', MODULES.filter((m) => !['common', 'core', 'store', 'blobs'].includes(m))),
  ...browserSafeLayer('vn', MODULES.filter((m) => m !== 'vn')),
  layer('store', MODULES.filter((m) => !['common', 'store', 'core'].includes(m))),
  layer('blobs', MODULES.filter((m) => !['common', 'blobs', 'core'].includes(m))),
  ...browserSafeLayer('registers', [...DOMAIN, ...TOP, 'core', 'store', 'blobs']),
  // The web bundles only browser-safe modules' code; types of the server's modules are fine (erased).
  ...[1, 2, 3].map(webBundleOnly),
  ...DOMAIN.filter((d) => d !== 'audit').map((d) => layer(d, TOP)),
  // audit is below every domain module: they all write to it.
  layer('audit', [...DOMAIN.filter((d) => d !== 'audit'), ...TOP]),
);
