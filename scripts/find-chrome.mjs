// Finds a Chrome/Chromium for the browser tests, the e2e tests and the benchmark.
// Order: CHROME_PATH, then the usual install places. When none is found and we run as
// root on a machine with apt-get, installs Debian's `chromium` (no recommends); otherwise
// stops with one line saying how to get a browser.
import {existsSync} from 'node:fs';
import {execFileSync} from 'node:child_process';

const CANDIDATES = [
  '/usr/lib/chromium/chromium', // Debian's real binary: skips the wrapper's noisy shell script
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

function firstExisting() {
  return CANDIDATES.find((path) => existsSync(path));
}

function canInstallWithApt() {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    execFileSync('sh', ['-c', 'command -v apt-get'], {stdio: 'ignore'});
    return true;
  } catch {
    return false;
  }
}

/** @returns {string} an executable path; exits the process when there is none. */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    console.error(`CHROME_PATH=${fromEnv} does not exist; set it to a Chrome or Chromium binary.`);
    process.exit(1);
  }
  const found = firstExisting();
  if (found) return found;
  if (canInstallWithApt()) {
    console.error('No Chrome/Chromium found: installing Debian chromium with apt-get...');
    const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
    execFileSync('apt-get', ['update', '-qq'], {stdio: 'inherit', env});
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env,
    });
    const installed = firstExisting();
    if (installed) return installed;
  }
  console.error(
    'No Chrome/Chromium found: install one (Debian: apt-get install chromium) or set CHROME_PATH to its binary.'
  );
  process.exit(1);
}

/** Flags that work headless as root on these machines, with a closed network. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
