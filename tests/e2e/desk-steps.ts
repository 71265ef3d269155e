// Steps the journeys share, written the way an editor works: through labels, buttons and the
// app's own signals (the save indicator, a row appearing), never by waiting a fixed time.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect } from '@playwright/test';

export const ALL_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const ENGLISH_WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];
/** What the save indicator says once every change is on disk (English interface). */
export const SAVED_TEXT = 'Saved';

export interface ChannelInput {
  name: string;
  platform: 'telegram' | 'whatsapp' | 'webhook' | 'feed';
  timeZone: string;
  language?: 'en' | 'it' | 'fr';
  description?: string;
  /** Weekly slots: a time and the ISO weekdays it applies to. */
  slots?: { time: string; weekdays: number[] }[];
}

/** Fills the channel dialog (already open) without saving it. */
export async function fillChannelDialog(page: Page, input: ChannelInput): Promise<Locator> {
  const dialog = page.getByTestId('channel-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('channel-name').fill(input.name);
  await dialog.getByTestId('channel-platform').selectOption(input.platform);
  await dialog.getByTestId('channel-timezone').fill(input.timeZone);
  if (input.language) await dialog.getByTestId('channel-language').selectOption(input.language);
  if (input.description) await dialog.getByTestId('channel-description').fill(input.description);
  for (const slot of input.slots ?? []) {
    await dialog.getByTestId('slot-time').fill(slot.time);
    for (const day of ALL_WEEKDAYS) {
      const box = dialog.getByRole('checkbox', { name: ENGLISH_WEEKDAYS[day - 1], exact: true });
      await box.setChecked(slot.weekdays.includes(day));
    }
    await dialog.getByTestId('slot-add').click();
    for (const day of slot.weekdays) {
      await expect(dialog.getByTestId('slot-list')).toContainText(
        `${ENGLISH_WEEKDAYS[day - 1]} ${slot.time}`,
      );
    }
  }
  return dialog;
}

/** Creates a channel through the sidebar's "New channel" and returns its id. */
export async function createChannel(page: Page, input: ChannelInput): Promise<string> {
  await page.getByTestId('new-channel').click();
  const dialog = await fillChannelDialog(page, input);
  await dialog.getByTestId('channel-save').click();
  await expect(dialog).toBeHidden();
  const link = page.getByTestId('channel-link').filter({ hasText: input.name });
  await expect(link).toBeVisible();
  const id = await link.getAttribute('data-channel-id');
  expect(id).toBeTruthy();
  return id!;
}

/** Opens a new update on the channel named `channelName`; returns the composer. */
export async function newUpdateOn(page: Page, channelName: string): Promise<Locator> {
  await page.getByTestId('channel-link').filter({ hasText: channelName }).click();
  await expect(page.getByRole('heading', { level: 1, name: channelName })).toBeVisible();
  await page.getByTestId('new-update').click();
  const composer = page.getByTestId('composer');
  await expect(composer.getByTestId('shared-panel').getByTestId('composer-text')).toBeFocused();
  return composer;
}

/** Waits until the composer says every change is saved. */
export async function expectSaved(composer: Locator, savedText = SAVED_TEXT): Promise<void> {
  await expect(composer.getByTestId('save-state')).toHaveText(savedText);
}

/** Moves the caret to the very end of a textarea (Ctrl+End). */
export async function caretToEnd(textarea: Locator): Promise<void> {
  await textarea.focus();
  await textarea.press('Control+End');
}

/**
 * Saves a full-page screenshot as an attachment and as test-results/screens/<name>.png.
 * The desk scrolls inside its panes and dialogs, so a taller window (`heightPx`) is what shows
 * more of a long screen such as the composer.
 */
export async function saveScreen(
  page: Page,
  testInfo: TestInfo,
  name: string,
  heightPx?: number,
): Promise<void> {
  const dir = join(testInfo.project.outputDir, 'screens');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  const viewport = page.viewportSize();
  if (heightPx && viewport) await page.setViewportSize({ ...viewport, height: heightPx });
  const body = await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  if (heightPx && viewport) await page.setViewportSize(viewport);
  await testInfo.attach(name, { body, contentType: 'image/png' });
}
