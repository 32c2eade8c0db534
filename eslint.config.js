// One style for the whole tree, and the layering rule of STYLE.md:
// shared/ runs anywhere (no DOM, node:*, Electron, Vue); renderer/ and electron/ never import each other;
// inside renderer/, stores and db/ never import app/, and components never import db/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'url'];

// What every renderer file may not import. Later blocks for parts of renderer/ repeat these: a rule's
// options in a later block replace the earlier ones, they do not add to them.
const rendererPatterns = [
  {
    group: ['electron', 'electron/*'],
    message: 'The renderer reaches the main process only through the platform API.',
  },
  { group: ['**/electron/**'], message: 'renderer/ must not import from electron/.' },
  { group: nodeBuiltins, message: 'renderer/ runs in a browser: no Node built-ins.' },
];

// Inside the renderer: app/ orchestrates (start-up, sign-in) and calls stores; stores call the
// repositories of db/; components call stores. So stores and db/ never import app/, and components
// never reach the database themselves.
const noAppImport = {
  group: ['**/app/**', '**/app'],
  message: 'Stores and db/ must not import app/: app/ orchestrates and calls them, not the other way round.',
};
const noDbImport = {
  group: ['**/db/**', '**/db'],
  message: 'Components must not import db/: read and write through a store (renderer/stores/).',
};

// One clock for the centre: an instant is read in the centre's zone (shared/calendar/format.ts and zone.ts,
// useCentreTime() in views), never in the zone of the PC that runs the code.
const clockMessage =
  'Read times in the centre’s zone: formatCentreTime / useCentreTime, or centreDayStart and the other helpers of shared/calendar/zone.ts.';
const hostZoneDateMethods = [
  'getFullYear',
  'getMonth',
  'getDate',
  'getDay',
  'getHours',
  'getMinutes',
  'getTimezoneOffset',
  'setFullYear',
  'setMonth',
  'setDate',
  'setHours',
  'setMinutes',
  'toLocaleDateString',
  'toLocaleTimeString',
  'toDateString',
  'toTimeString',
].map((property) => ({ property, message: clockMessage }));
const hostZoneSyntax = [
  {
    selector: "NewExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']",
    message: clockMessage,
  },
  {
    selector: "VariableDeclarator[init.callee.name='useI18n'] > ObjectPattern > Property[key.name='d']",
    message: `vue-i18n's d() formats in the PC's zone. ${clockMessage}`,
  },
];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'test/artifacts/', 'resources/sample/'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Dropping a field by destructuring the rest is a deliberate idiom, not an unused variable.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      'vue/multi-word-component-names': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'shared/ must not depend on Electron.' },
            {
              group: ['vue', 'pinia', 'vue-i18n', 'element-plus', 'maplibre-gl', 'dexie'],
              message: 'shared/ is pure TypeScript: no UI, map or storage libraries.',
            },
            { group: nodeBuiltins, message: 'shared/ must run in the browser too: no Node built-ins.' },
            {
              group: ['**/renderer/**', '**/electron/**'],
              message: 'shared/ must not import from renderer/ or electron/.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require'],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.vue'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: rendererPatterns }] },
  },
  {
    files: ['renderer/stores/**/*.ts', 'renderer/db/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...rendererPatterns, noAppImport] }] },
  },
  {
    files: ['renderer/**/*.vue'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...rendererPatterns, noDbImport] }] },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'electron/ must not import from renderer/.' }] },
      ],
    },
  },
  {
    files: ['shared/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.vue', 'electron/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error', ...hostZoneDateMethods],
      'no-restricted-syntax': ['error', ...hostZoneSyntax],
    },
  },
  {
    // The one place that formats instants and reads zone offsets.
    files: ['shared/calendar/format.ts', 'shared/calendar/zone.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['scripts/**/*.ts', 'test/**/*.ts', '*.config.ts', '*.config.js', 'renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Tests index into fixtures they built themselves; a missing element fails the test anyway.
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Build configuration runs in Node, not in the renderer.
    files: ['renderer/vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  prettier,
);
