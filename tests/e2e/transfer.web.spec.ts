// Import and export through the real interface: a file with one bad row is refused with that row
// named and nothing written; the fixed file imports in one step; the same file again adds nothing;
// the calendar then exports as a CSV file a spreadsheet opens safely.
import { readFile } from 'node:fs/promises';
import { DateTime } from 'luxon';
import { expect, test } from './desk-fixture';
import { expectAccessible } from './a11y';
import { createChannel, saveScreen } from './desk-steps';

const ROME = 'Europe/Rome';
const CHANNEL = 'Roma Live';

/** A wall time in Rome `days` from now, as the import's schedule column takes it. */
const romeTime = (days: number, hour: number) =>
  DateTime.now().setZone(ROME).plus({ days }).set({ hour, minute: 0 }).toFormat('yyyy-MM-dd HH:mm');

function importFile(thirdSchedule: string): { name: string; mimeType: string; buffer: Buffer } {
  const lines = [
    'channel,text,schedule,topics,silent',
    `${CHANNEL},"Metro A closed between Termini and Flaminio, buses running",${romeTime(3, 9)},mobility,no`,
    `${CHANNEL},Council meets on the new bridge,draft,politics; Centro,`,
    `${CHANNEL},Heat warning for the weekend,${thirdSchedule},weather,yes`,
  ];
  return {
    name: 'week-plan.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${lines.join('\n')}\n`, 'utf8'),
  };
}

test('an import with a bad row is refused with the row named; the fixed file imports once', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await createChannel(page, { name: CHANNEL, platform: 'telegram', timeZone: ROME });
  await page.getByTestId('nav-transfer').click();
  await expect(page.getByTestId('transfer-view')).toBeVisible();

  // 30 February does not exist: the preview names that row, and nothing can be imported.
  await page.getByTestId('import-file').setInputFiles(importFile('2031-02-30 09:00'));
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expect(page.getByTestId('import-counts')).toHaveText(
    '3 rows: 2 new, 0 already imported, 1 with errors',
  );
  await expect(page.getByTestId('import-blocked')).toHaveText(/^Fix row 4 and choose the file/);
  const badRow = page.getByTestId('import-row-4');
  await expect(badRow.getByTestId('import-error')).toContainText('schedule');
  // The refused row reads as it was typed, so the editor can find it in the file.
  await expect(badRow).toContainText(CHANNEL);
  await expect(badRow).toContainText('Heat warning for the weekend');
  await expect(page.getByTestId('import-apply')).toBeDisabled();
  await saveScreen(page, testInfo, 'import-refused');
  await expectAccessible(page, testInfo, 'import-refused');

  // Nothing was written: the channel's timeline is still empty.
  await page.getByTestId('nav-timeline').click();
  await expect(page.getByTestId('update-row')).toHaveCount(0);

  // The fixed file imports, all rows in one step.
  await page.getByTestId('nav-transfer').click();
  await page.getByTestId('import-file').setInputFiles(importFile(romeTime(4, 18)));
  await expect(page.getByTestId('import-counts')).toHaveText(
    '3 rows: 3 new, 0 already imported, 0 with errors',
  );
  await expect(page.getByTestId('import-blocked')).toHaveCount(0);
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-done')).toHaveText(
    'Imported 3 updates; 0 were already imported.',
  );
  await saveScreen(page, testInfo, 'import-done');

  // The same file again adds nothing.
  await page.getByTestId('import-file').setInputFiles(importFile(romeTime(4, 18)));
  await expect(page.getByTestId('import-counts')).toHaveText(
    '3 rows: 0 new, 3 already imported, 0 with errors',
  );
  await expect(page.getByTestId('import-apply')).toBeDisabled();

  await page.getByTestId('nav-timeline').click();
  await expect(page.getByTestId('update-row')).toHaveCount(3);
  await expect(page.getByTestId('update-row').filter({ hasText: 'Metro A closed' })).toHaveCount(1);

  // The export: a progress bar, then a CSV file with every update and no live formula.
  await page.getByTestId('nav-transfer').click();
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-progress')).toBeVisible();
  const done = page.getByTestId('export-done');
  await expect(done).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    done.getByRole('link').click(),
  ]);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('Metro A closed between Termini and Flaminio, buses running');
  expect(csv).toContain('Heat warning for the weekend');
  expect(csv.split('\n')[0]).toMatch(/^\uFEFFid,channel,story,text,schedule,topics,silent,/);
  await saveScreen(page, testInfo, 'export-done');
  await expectAccessible(page, testInfo, 'export-done');
});
