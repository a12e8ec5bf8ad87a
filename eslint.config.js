// ESLint: typescript-eslint with type information; no floating promises; modules
// import each other only through their index.ts, and never "upward"
// (ARCHITECTURE.md: vn <- registers <- domain modules <- server, cli, web).
// Every folder of src/ must be a module named here with its layer rule (checked
// below: a new module without one stops the lint). The web runs in the browser:
// at run time it imports only vn and registers (types from any domain module),
// never node:* modules nor Node's globals.
import { readdirSync } from 'node:fs';
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

function layer(dir, forbidden, extra = []) {
  return {
    files: [`src/${dir}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: [throughIndexOnly, ...forbid(forbidden), ...extra] }] },
  };
}

/** The browser app: node:* never, domain modules for their types only, server and cli not at all. */
const WEB_TYPES_ONLY = MODULES.filter((m) => !['web', 'vn', 'registers', 'server', 'cli'].includes(m));
const web = {
  ...layer('web', ['server', 'cli'], [
    { regex: '^node:', message: 'The web app runs in the browser: no Node module.' },
    // Seen from src/web/<area>/: ../x is the web's own area x, ../../x the module x.
    ...WEB_TYPES_ONLY.map((m) => ({ regex: `^\\.\\./\\.\\./${m}/`, allowTypeImports: true, message: `The web app may take only types from ${m}/ (it runs in the browser).` })),
  ]),
  ignores: ['src/web/**/*.test.{ts,tsx}', 'src/web/vite.config.ts'],
};
const webGlobals = {
  files: ['src/web/**/*.{ts,tsx}'],
  ignores: ['src/web/**/*.test.{ts,tsx}', 'src/web/vite.config.ts'],
  languageOptions: { globals: { ...globals.browser } },
  rules: { 'no-restricted-globals': ['error', ...['process', 'Buffer', 'global', 'require', '__dirname', '__filename', 'setImmediate'].map((name) => ({ name, message: 'The web app runs in the browser: no Node global.' }))] },
};

const LAYERED = ['core', 'vn', 'store', 'blobs', 'registers', ...DOMAIN, ...TOP];
const unlayered = readdirSync(new URL('./src', import.meta.url), { withFileTypes: true })
  .filter((e) => e.isDirectory() && !LAYERED.includes(e.name))
  .map((e) => e.name);
if (unlayered.length > 0) throw new Error(`eslint.config.js: src/${unlayered.join(', src/')} has no layer rule; add it to MODULES and give it its layer.`);

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
  // Only the command line (and tests) make the demo: no domain module imports it.
  ...DOMAIN.filter((d) => d !== 'audit' && d !== 'demo').map((d) => layer(d, [...TOP, 'demo'])),
  layer('demo', TOP),
  // audit is below every domain module: they all write to it.
  layer('audit', [...DOMAIN.filter((d) => d !== 'audit'), ...TOP]),
  // The top: the server never reaches into the command line or the web app; the command line composes the server.
  layer('server', ['cli', 'web', 'demo']),
  layer('cli', ['web']),
  web,
  webGlobals,
);
