import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from './electron-binary';

const binary = electronBinary();

test.describe('Electron shell', () => {
  test.skip('reason' in binary, 'reason' in binary ? binary.reason : '');

  test('opens a secure window whose preload exposes the contract, and creates a channel', async () => {
    const userData = await mkdtemp(join(tmpdir(), 'desk-electron-'));
    const app = await electron.launch({
      executablePath: (binary as { path: string }).path,
      args: ['.', `--user-data-dir=${userData}`],
      env: { ...process.env, CHANNEL_DESK_DATA_DIR: userData },
    });
    try {
      const window = await app.firstWindow();
      // Sandboxed, isolated renderer: no Node globals reach the page.
      const globals = await window.evaluate(() => [
        typeof (globalThis as { require?: unknown }).require,
        typeof (globalThis as { process?: unknown }).process,
      ]);
      expect(globals).toEqual(['undefined', 'undefined']);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(
        1,
      );
      expect(
        await window.evaluate(() =>
          Object.keys((window as unknown as { desk: object }).desk).sort(),
        ),
      ).toEqual(['invoke', 'on']);
      await window.getByRole('button', { name: /new channel/i }).click();
      await window.getByLabel(/^name/i).fill('Roma Breaking');
      await window.getByRole('button', { name: /^save|create/i }).click();
      await expect(window.getByRole('navigation').getByText('Roma Breaking')).toBeVisible();
    } finally {
      await app.close();
      await rm(userData, { recursive: true, force: true });
    }
  });
});
