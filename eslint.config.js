// ESLint: typescript-eslint with type information; no floating promises; modules
// import each other only through their index.ts, and never "upward"
// (ARCHITECTURE.md: vn <- registers <- domain modules <- server, cli, web).
// common, vn and registers also run in the browser: no Node built-in, and
// registers may not import core (config, job runner); the web imports other
// modules' code only from those three (types from anywhere), never Node's
// globals. Every folder of src/ must be a module named here with its layer
// rule (checked below: a new module without one stops the lint).
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const MODULES = [
  'common',
  'core',
  'vn',
  'registers',
  'units',
  'store',
  'blobs',
  'iiif',
  'archive',
  'ingest',
  'entry',
  'qc',
  'exchange',
  'search',
  'extracts',
  'plans',
  'linkage',
  'popdb',
  'home',
  'ocr',
  'audit',
  'auth',
  'demo',
  'server',
  'web',
  'cli',
];
const DOMAIN = ['units', 'iiif', 'archive', 'ingest', 'entry', 'qc', 'exchange', 'search', 'extracts', 'plans', 'linkage', 'popdb', 'home', 'ocr', 'audit', 'auth', 'demo'];
const TOP = ['server', 'cli', 'web'];

/** Another module's internals: ../<module>/<anything but index.js>. */
const throughIndexOnly = {
  regex: '^(\\.\\./)+(src/)?(?!src/|test/|support/)[a-z-]+/(?!index\\.js$).+',
  message: 'Import another module only through its index.ts (ARCHITECTURE.md).',
};

const forbid = (mods) => mods.map((m) => ({ regex: `^(\\.\\./)+(src/)?${m}/`, message: `This module may not import ${m}/ (dependency direction, ARCHITECTURE.md).` }));

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
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^${up}(?!(${BROWSER_SAFE.join('|')})/)[a-z-]+/`,
              allowTypeImports: true,
              message: 'The web app may bundle only common/, vn/ and registers/: import other modules as types (import type).',
            },
            { ...nodeBuiltin, allowTypeImports: true },
          ],
        },
      ],
    },
  };
}

/** The browser app may not use Node's globals. */
const webGlobals = {
  files: ['src/web/**/*.{ts,tsx}'],
  ignores: ['src/web/**/*.test.{ts,tsx}', 'src/web/vite.config.ts', 'src/web/precompress.ts'],
  languageOptions: { globals: { ...globals.browser } },
  rules: {
    'no-restricted-globals': [
      'error',
      ...['process', 'Buffer', 'global', 'require', '__dirname', '__filename', 'setImmediate'].map((name) => ({ name, message: 'The web app runs in the browser: no Node global.' })),
    ],
  },
};

const LAYERED = ['common', 'core', 'vn', 'store', 'blobs', 'registers', ...DOMAIN, ...TOP];
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
  ...browserSafeLayer(
    'common',
    MODULES.filter((m) => m !== 'common'),
  ),
  layer(
    'core',
    MODULES.filter((m) => !['common', 'core', 'store', 'blobs'].includes(m)),
  ),
  ...browserSafeLayer(
    'vn',
    MODULES.filter((m) => m !== 'vn'),
  ),
  layer(
    'store',
    MODULES.filter((m) => !['common', 'store', 'core'].includes(m)),
  ),
  layer(
    'blobs',
    MODULES.filter((m) => !['common', 'blobs', 'core'].includes(m)),
  ),
  ...browserSafeLayer('registers', [...DOMAIN, ...TOP, 'core', 'store', 'blobs']),
  // The web bundles only browser-safe modules' code; types of the server's modules are fine (erased).
  ...[1, 2, 3].map(webBundleOnly),
  // Only the command line (and tests) make the demo: no domain module imports it.
  ...DOMAIN.filter((d) => d !== 'audit' && d !== 'demo').map((d) => layer(d, [...TOP, 'demo'])),
  // ocr sits below the checking and delivery modules: qc reports machine accuracy from it, never the other way round.
  layer('ocr', [...TOP, 'demo', 'qc', 'exchange', 'search', 'extracts', 'plans', 'linkage']),
  layer('demo', TOP),
  // audit is below every domain module: they all write to it.
  layer('audit', [...DOMAIN.filter((d) => d !== 'audit'), ...TOP]),
  // The top: the server never reaches into the command line or the web app; the command line composes the server.
  layer('server', ['cli', 'web', 'demo']),
  layer('cli', ['web']),
  layer('web', ['server', 'cli']),
  webGlobals,
);
