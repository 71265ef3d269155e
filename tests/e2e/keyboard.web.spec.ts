// Keyboard first: after the page opens, nothing is clicked. A channel is made through the command
// palette, two updates through Ctrl+N (one put in the queue with Ctrl+Enter), the timeline is
// walked with J and K and an update opened with Enter, sections are reached with G and a letter,
// and the shortcuts sheet opens with ?. The palette and the sheet are kept as screenshots.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './desk-fixture';
import { expectSaved, saveScreen } from './desk-steps';

const CHANNEL = 'Roma Tastiera';
const QUEUED = 'Metro B chiusa per lavori';
const DRAFT = 'Mercato di Testaccio aperto';
/** More Tabs than any dialog here has stops: a missing target fails instead of looping. */
const MAX_TABS = 60;

/** Presses Tab until `target` has the focus, as a keyboard user moves through a form. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < MAX_TABS; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `reached with Tab within ${MAX_TABS} presses`).toBeFocused();
}

/** Ctrl+N, the text, and the composer's own save signal; leaves the composer open. */
async function newUpdate(page: Page, text: string): Promise<Locator> {
  await page.keyboard.press('Control+n');
  const composer = page.getByTestId('composer');
  const field = composer.getByTestId('shared-panel').getByTestId('composer-text');
  await expect(field).toBeFocused();
  await page.keyboard.type(text);
  await expectSaved(composer);
  return composer;
}

test('an editor runs the desk from the keyboard alone', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await expect(page.getByTestId('no-channels')).toBeVisible();

  // The palette: filtered as typed, arrows and Enter; its commands show their shortcuts.
  await page.keyboard.press('Control+k');
  const palette = page.getByTestId('command-palette');
  const input = palette.getByRole('combobox', { name: 'Command' });
  await expect(input).toBeFocused();
  await expect(
    palette.getByRole('option', { name: /Open the command palette|Show keyboard shortcuts/ }),
  ).toHaveCount(1);
  await expect(palette.getByRole('option', { name: /New update/ })).toContainText('Ctrl');
  await page.keyboard.type('go set');
  await expect(palette.getByRole('option').first()).toHaveText(/Go to Settings/);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('chan');
  const options = palette.getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  // The highlighted option is the one the field points at.
  const firstId = await options.first().getAttribute('id');
  await expect(input).toHaveAttribute('aria-activedescendant', firstId!);
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(options.first()).toHaveText(/New channel/);
  await saveScreen(page, testInfo, 'keyboard-palette');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();

  // The channel dialog by keyboard: its name, the default 09:00 workday slot, Enter to save.
  const dialog = page.getByTestId('channel-dialog');
  await expect(dialog.getByTestId('channel-name')).toBeFocused();
  await page.keyboard.type(CHANNEL);
  await tabTo(page, dialog.getByTestId('slot-add'));
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('slot-list')).toContainText('09:00');
  await tabTo(page, dialog.getByTestId('channel-name'));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: CHANNEL })).toBeVisible();

  // A new update with Ctrl+N, put in the queue: the radio by arrows, then Ctrl+Enter.
  const composer = await newUpdate(page, QUEUED);
  const schedule = composer.getByTestId('shared-panel').getByTestId('schedule-editor');
  await tabTo(page, schedule.getByRole('radio', { name: 'Draft' }));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(schedule.getByRole('radio', { name: 'Add to queue' })).toBeChecked();
  await page.keyboard.press('Control+Enter');
  await expect(schedule.getByTestId('schedule-current')).toContainText('In the queue for');
  // Ctrl+S only confirms: the save is automatic.
  await page.keyboard.press('Control+s');
  await expect(composer.getByTestId('info-notices')).toContainText('Saved');
  await page.keyboard.press('Escape');
  await expect(composer).toBeHidden();

  // A second update, left as a draft.
  await newUpdate(page, DRAFT);
  await page.keyboard.press('Escape');
  await expect(composer).toBeHidden();

  // J and K through the timeline (the queued update first, then the draft), Enter opens.
  const rows = page.getByTestId('timeline-list').getByTestId('update-row');
  await expect(rows).toHaveCount(2);
  await page.keyboard.press('j');
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press('j');
  await expect(rows.nth(1)).toBeFocused();
  await expect(rows.nth(1)).toContainText(DRAFT);
  await page.keyboard.press('k');
  await expect(rows.nth(0)).toBeFocused();
  // The focus ring, in the dark theme this time.
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreen(page, testInfo, 'keyboard-row-focus-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('j');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(composer.getByRole('heading', { name: DRAFT })).toBeVisible();
  await composer.getByTestId('shared-panel').getByTestId('composer-text').press('Escape');
  await expect(composer).toBeHidden();
  // The focus came back to the row that opened it.
  await expect(rows.nth(1)).toBeFocused();

  // G then a letter: sections without the mouse; Ctrl+F still finds the search field.
  await page.keyboard.press('g');
  await page.keyboard.press('w');
  await expect(page.getByTestId('week-view')).toBeVisible();
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('search-text')).toBeFocused();
  // Letters typed in a field are text, not shortcuts.
  await page.keyboard.type('g?');
  await expect(page.getByTestId('search-text')).toHaveValue('g?');
  await expect(page.getByTestId('shortcuts-help')).toHaveCount(0);
  await page.keyboard.press('Control+[');
  await expect(page.getByRole('heading', { level: 1, name: CHANNEL })).toBeVisible();

  // The help sheet: every group, this platform's key names; ? again closes it.
  await page.keyboard.press('?');
  const help = page.getByTestId('shortcuts-help');
  await expect(help).toBeVisible();
  for (const group of ['general', 'navigation', 'lists', 'composer', 'formatting'])
    await expect(help.getByTestId(`shortcuts-${group}`)).toBeVisible();
  await expect(help.locator('[data-shortcut="palette"]')).toContainText('Open the command palette');
  await expect(help.locator('[data-shortcut="palette"] kbd kbd')).toHaveText(['Ctrl', 'K']);
  await expect(help.locator('[data-shortcut="goArchive"] kbd kbd')).toHaveText(['G', 'R']);
  await saveScreen(page, testInfo, 'keyboard-help', 1200);
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreen(page, testInfo, 'keyboard-help-dark', 1200);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('?');
  await expect(help).toBeHidden();
});
