import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { electronBinary } from './tests/e2e/electron-binary';

// Debian's Chromium where it is installed (these machines), Playwright's own elsewhere.
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

// The list reporter shows a skipped test without its reason: the runner says it once here.
const electron = electronBinary();
if ('reason' in electron && process.env.TEST_WORKER_INDEX === undefined) {
  console.log(`The Electron spec is not run: ${electron.reason}.`);
}

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(existsSync(DEBIAN_CHROMIUM) ? { executablePath: DEBIAN_CHROMIUM } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'browser-mode',
      testMatch: /.*\.web\.spec\.ts/,
      use: {
        // A known language and zone, whatever the machine's: the journeys check the words and the
        // times the editor sees (London is an hour behind the Rome channels all year round).
        locale: 'en-GB',
        timezoneId: 'Europe/London',
        viewport: { width: 1440, height: 900 },
      },
    },
    { name: 'electron', testMatch: /.*\.electron\.spec\.ts/ },
  ],
});
