// ESLint for the TypeScript sources (typescript-eslint's recommended rules, without type information, so it stays
// fast), plus the project's own rules. Formatting is Prettier's (.prettierrc.json), not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The compiled output is CommonJS: a local named like one of its module variables shadows it there, and tsc emits
// `exports.NAME` for every use of an exported const (a local `exports` once broke the data export in dist/ only).
const COMMONJS_NAMES = '/^(exports|module|require|__filename|__dirname)$/';
const COMMONJS_SHADOWING = [
  `VariableDeclarator[id.name=${COMMONJS_NAMES}]`,
  `VariableDeclarator > ObjectPattern Property[value.name=${COMMONJS_NAMES}]`,
  `FunctionDeclaration[id.name=${COMMONJS_NAMES}]`,
  `ClassDeclaration[id.name=${COMMONJS_NAMES}]`,
  `:function > Identifier.params[name=${COMMONJS_NAMES}]`,
  `CatchClause > Identifier.param[name=${COMMONJS_NAMES}]`,
].map((selector) => ({ selector, message: 'Do not name a local exports, module or require: it shadows the CommonJS variable in the compiled code.' }));

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', 'libs/sdk/dist/**', '**/generated/**', 'openapi/dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts'],
    rules: {
      'no-restricted-syntax': ['error', ...COMMONJS_SHADOWING],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
        performance: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        structuredClone: 'readonly',
      },
    },
  },
);
