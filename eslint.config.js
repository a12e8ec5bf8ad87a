// ESLint: typescript-eslint with type information; no floating promises; modules
// import each other only through their index.ts, and never "upward"
// (ARCHITECTURE.md: vn <- registers <- domain modules <- server, cli, web).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const MODULES = ['core', 'vn', 'registers', 'units', 'store', 'blobs', 'iiif', 'archive', 'ingest', 'entry', 'qc', 'exchange', 'search', 'extracts', 'plans', 'linkage', 'ocr', 'audit', 'auth', 'demo', 'server', 'web', 'cli'];
const DOMAIN = ['units', 'iiif', 'archive', 'ingest', 'entry', 'qc', 'exchange', 'search', 'extracts', 'plans', 'linkage', 'ocr', 'audit', 'auth', 'demo'];
const TOP = ['server', 'cli', 'web'];

/** Another module's internals: ../<module>/<anything but index.js>. */
const throughIndexOnly = {
  regex: '^(\\.\\./)+(src/)?(?!src/|test/|support/)[a-z-]+/(?!index\\.js$).+',
  message: 'Import another module only through its index.ts (ARCHITECTURE.md).',
};

const forbid = (mods) =>
  mods.map((m) => ({ regex: `^(\\.\\./)+(src/)?${m}/`, message: `This module may not import ${m}/ (dependency direction, ARCHITECTURE.md).` }));

function layer(dir, forbidden) {
  return {
    files: [`src/${dir}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: [throughIndexOnly, ...forbid(forbidden)] }] },
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
  layer('core', MODULES.filter((m) => !['core', 'store', 'blobs'].includes(m))),
  layer('vn', MODULES.filter((m) => m !== 'vn')),
  layer('store', MODULES.filter((m) => m !== 'store' && m !== 'core')),
  layer('blobs', MODULES.filter((m) => m !== 'blobs' && m !== 'core')),
  layer('registers', [...DOMAIN, ...TOP, 'store', 'blobs']),
  ...DOMAIN.filter((d) => d !== 'audit').map((d) => layer(d, TOP)),
  // audit is below every domain module: they all write to it.
  layer('audit', [...DOMAIN.filter((d) => d !== 'audit'), ...TOP]),
);
