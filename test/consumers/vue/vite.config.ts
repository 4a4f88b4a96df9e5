import {resolve} from 'node:path';
import {defineConfig} from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  plugins: [vue({template: {compilerOptions: {isCustomElement: (tag) => tag === 'antom-card-binding'}}})],
  // Built into the repository's test-output/ (ignored by git and eslint), never beside the sources.
  build: {target: 'es2022', outDir: resolve(import.meta.dirname, '../../../test-output/consumers/vue'), emptyOutDir: true},
});
