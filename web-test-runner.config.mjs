import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {defaultReporter} from '@web/test-runner';
import {plainSummaryReporter} from './scripts/wtr-summary-reporter.mjs';
import {CHROME_ARGS} from './scripts/find-chrome.mjs';
import {sandboxPlugin} from './scripts/wtr-sandbox-plugin.mjs';

// Run through scripts/run-wtr.mjs (npm test does): the sandbox plugin loads TypeScript from src/.
export default {
  files: ['test/**/*.test.ts', '!test/node/**', '!test/consumers/**', '!**/node_modules/**'],
  // browser: axios (a dependency of @alipay/ams-checkout, test/hosted/real-sdk.test.ts) has Node and browser builds.
  nodeResolve: {browser: true},
  concurrency: 2,
  // json: @alipay/ams-checkout's ESM imports its package.json (test/hosted/real-sdk.test.ts).
  // tsconfig is required: without it esbuild compiles standard decorators and Lit's
  // legacy @property() throws at import.
  plugins: [esbuildPlugin({ts: true, json: true, target: 'es2022', tsconfig: './tsconfig.json'}), sandboxPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        // No name resolves but the test server's and the emulator's: whatever else a page asks
        // for (Antom's SDK fetches scripts, config and logs from its hosts) is refused at once.
        args: [...CHROME_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
      },
    }),
  ],
  testFramework: {config: {timeout: 10000}},
  // Per file. test/hosted/real-sdk.test.ts runs Antom's real SDK through its own load and mount
  // timeouts (about two minutes in all on these shared machines); the default 120 s cut it off.
  testsFinishTimeout: 300_000,
  filterBrowserLogs: ({args}) => !String(args[0]).includes('Lit is in dev mode'),
  coverageConfig: {
    include: ['src/**/*.ts'],
    exclude: ['src/generated/**', 'src/server/**', 'src/sandbox/**'],
    threshold: {statements: 90, branches: 80, functions: 85, lines: 90},
  },
  reporters: [defaultReporter(), plainSummaryReporter()],
};
