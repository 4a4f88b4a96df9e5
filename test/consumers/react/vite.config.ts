import {resolve} from 'node:path';
import {defineConfig} from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  esbuild: {jsx: 'automatic'},
  // Built into the repository's test-output/ (ignored by git and eslint), never beside the sources.
  build: {target: 'es2022', outDir: resolve(import.meta.dirname, '../../../test-output/consumers/react'), emptyOutDir: true},
});
