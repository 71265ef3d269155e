// Hostile text through the real interface: a channel named with an <img onerror>, an update full
// of script, SVG, javascript: links and breakouts, a topic and a comment with markup, and an
// import file with markup and a spreadsheet formula. Every screen that shows them shows the
// characters as typed, and nothing runs: the page's `__pwned` flag stays false and no dialog opens.
import type { Page } from '@playwright/test';
import { expect, test } from './desk-fixture';
import { createChannel, expectSaved, newUpdateOn, saveScreen } from './desk-steps';

const CHANNEL = '<img src=x onerror="window.__pwned=true;alert(1)"> Roma';
const TITLE = '<script>window.__pwned=true;alert(1)</script> Sciopero';
const BODY = [
  TITLE,
  '[js-link](javascript:window.__pwned=true) and [data-link](data:text/html,<script>alert(1)</script>)',
  '<svg onload="window.__pwned=true;alert(1)"> " onmouseover="window.__pwned=true" x="',
  '<iframe srcdoc="<script>parent.__pwned=true</script>"></iframe>',
  'invoice\u202Efdp.exe family 👩‍👩‍👧‍👦',
].join('\n\n');
const TOPIC = '<svg onload=alert(1)>';
const COMMENT = '<img src=x onerror=alert(1)> see [here](javascript:alert(1)) "><b>not bold</b>';
const IMPORTED = '<a href="javascript:alert(1)">raw-anchor</a> imported';
const FORMULA = "=cmd|' /C calc'!A0";

/** Elements that would mean a payload became markup somewhere on the page. */
const LIVE_MARKUP =
  'img[src="x"], iframe, script:not([src]), [onerror], [onload], [onmouseover], [onfocus], ' +
  'a[href^="javascript:" i], a[href^="data:" i], a[href^="vbscript:" i]';

/** Asserts nothing ran and no payload turned into elements on the current screen. */
async function expectInert(page: Page, dialogs: readonly string[]): Promise<void> {
  await expect(page.locator(LIVE_MARKUP)).toHaveCount(0);
  expect(await page.evaluate(() => (globalThis as { __pwned?: boolean }).__pwned)).toBe(false);
  expect(dialogs).toEqual([]);
}

function importFile(): { name: string; mimeType: string; buffer: Buffer } {
  const cell = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const lines = [
    'channel,text,schedule',
    `${cell(CHANNEL)},${cell(IMPORTED)},draft`,
    `${cell(CHANNEL)},${cell(FORMULA)},draft`,
  ];
  return { name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) };
}

test('untrusted text is shown as text on every screen and nothing runs', async ({
  page,
}, testInfo) => {
  test.setTimeout(110_000);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // The flag the payloads would set; installed before the app's own scripts on every load.
  await page.addInitScript(() => {
    (globalThis as { __pwned?: boolean }).__pwned = false;
  });
  await page.reload();

  // A channel whose name is an <img onerror>: the sidebar and the heading show the characters.
  await createChannel(page, { name: CHANNEL, platform: 'telegram', timeZone: 'Europe/Rome' });
  const composer = await newUpdateOn(page, CHANNEL);
  await expectInert(page, dialogs);

  // The update: the preview shows the script as text, unsafe links as plain words (the
  // WhatsApp formatter gets the same corpus in untrusted-formatting.test.ts).
  const panel = composer.getByTestId('shared-panel');
  await panel.getByTestId('composer-text').fill(BODY);
  await expectSaved(composer);
  const preview = panel.getByTestId('preview-telegram');
  await expect(preview).toContainText(TITLE);
  await expect(preview).toContainText('js-link and data-link');
  await expect(preview).toContainText('<iframe srcdoc=');
  await expect(preview).toContainText('" onmouseover="window.__pwned=true" x="');
  await expect(preview.locator('.pv-link')).toHaveCount(0);
  await preview.hover();

  // A topic and a comment with markup.
  await composer.getByTestId('topic-input').fill(TOPIC);
  await composer.getByTestId('topic-input').press('Enter');
  await expect(composer.getByTestId('topics').getByRole('listitem')).toHaveText([
    new RegExp(`^${TOPIC.replace(/[()]/g, '\\$&')}`),
  ]);
  const comments = composer.getByTestId('comments-panel');
  await comments.getByTestId('comment-box').fill(COMMENT);
  await comments.getByTestId('comment-post').click();
  await expect(comments.getByTestId('comment')).toContainText(COMMENT);
  await expectInert(page, dialogs);
  await saveScreen(page, testInfo, 'untrusted-composer', 1400);

  // Sent for review: the inbox lists it by its title, as text.
  await composer.getByTestId('review-submit').click();
  await expect(composer.getByTestId('review-state')).toHaveText(/review/i);
  await panel.getByTestId('composer-text').press('Escape');
  await expect(composer).toBeHidden();
  await page.getByTestId('nav-inbox').click();
  await expect(page.getByTestId('inbox-waiting').getByTestId('inbox-story')).toContainText(TITLE);
  await expectInert(page, dialogs);
  await saveScreen(page, testInfo, 'untrusted-inbox');

  // The timeline, the week and search list it by its title, as text.
  await page.getByTestId('nav-timeline').click();
  await expect(page.getByTestId('update-row')).toContainText(TITLE);
  await expectInert(page, dialogs);
  await saveScreen(page, testInfo, 'untrusted-timeline');
  await page.getByTestId('nav-week').click();
  await expectInert(page, dialogs);
  await page.getByTestId('nav-search').click();
  await page.getByTestId('search-text').fill('Sciopero');
  await expect(page.getByTestId('search-results').getByTestId('update-row')).toContainText(TITLE);
  await expectInert(page, dialogs);
  await saveScreen(page, testInfo, 'untrusted-search');

  // An import file: its markup row is previewed as text, its formula row refused as typed.
  await page.getByTestId('nav-transfer').click();
  await page.getByTestId('import-file').setInputFiles(importFile());
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expect(page.getByTestId('import-row-2')).toContainText(IMPORTED);
  const refused = page.getByTestId('import-row-3');
  await expect(refused.getByTestId('import-error')).toBeVisible();
  await expect(refused).toContainText(FORMULA);
  await expectInert(page, dialogs);
  await saveScreen(page, testInfo, 'untrusted-import');
});
