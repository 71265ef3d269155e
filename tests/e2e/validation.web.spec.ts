// Bad input is refused where it is typed, with words next to the field; what is only unfinished (a
// poll being written) is kept as typed and refused only when it would go out.
import { DateTime } from 'luxon';
import { expect, test } from './desk-fixture';
import { expectAccessible } from './a11y';
import { createChannel, expectSaved, fillChannelDialog, newUpdateOn } from './desk-steps';

const ROME = 'Europe/Rome';

test('a channel with an unknown time zone or no name is refused next to the field', async ({
  page,
  desk,
}, testInfo) => {
  await expect(page.getByTestId('no-channels')).toBeVisible();
  await page.getByTestId('new-channel').click();
  const dialog = await fillChannelDialog(page, {
    name: 'Roma Meteo',
    platform: 'telegram',
    timeZone: 'Europe/Atlantis',
  });
  await dialog.getByTestId('channel-save').click();
  const zone = dialog.getByTestId('channel-timezone');
  await expect(zone).toHaveAttribute('aria-invalid', 'true');
  await expect(zone).toHaveAccessibleDescription(
    'Not a known time zone — pick one from the list, e.g. Europe/Rome.',
  );
  // "Next to the field": the message sits in the field's own block, right under the input.
  await expect(
    dialog.locator('.field', { has: page.getByTestId('channel-timezone') }).locator('.field-error'),
  ).toHaveText('Not a known time zone — pick one from the list, e.g. Europe/Rome.');
  await expect(dialog.getByTestId('channel-name')).not.toHaveAttribute('aria-invalid', 'true');

  // A name of spaces is no name; the zone is fine now, so only the name is flagged.
  await dialog.getByTestId('channel-name').fill('   ');
  await zone.fill(ROME);
  await dialog.getByTestId('channel-save').click();
  const name = dialog.getByTestId('channel-name');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('A channel needs a name.');
  await expect(
    dialog.locator('.field', { has: page.getByTestId('channel-name') }).locator('.field-error'),
  ).toHaveText('A channel needs a name.');
  await expect(zone).not.toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, testInfo, 'channel-dialog-refused');

  // Nothing was created: not in the sidebar, not after a reload, not in the store.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('channel-link')).toHaveCount(0);
  await expect(page.getByText('No channels yet.')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('no-channels')).toBeVisible();
  await expect(page.getByTestId('channel-link')).toHaveCount(0);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByText('0 channels, 0 updates')).toBeVisible();
  await expect(page.getByTestId('settings-data-dir')).toHaveText(desk.dataDir);
});

test('a schedule in the past is refused with a clear message', async ({ page }) => {
  await createChannel(page, { name: 'Roma Eventi', platform: 'telegram', timeZone: ROME });
  const composer = await newUpdateOn(page, 'Roma Eventi');
  await composer
    .getByTestId('shared-panel')
    .getByTestId('composer-text')
    .fill('Concerto al Circo Massimo');
  await expectSaved(composer);

  const editor = composer
    .getByTestId('shared-panel')
    .getByRole('group', { name: 'Schedule for Roma Eventi' });
  await editor.getByRole('radio', { name: 'At an exact time' }).check();
  const yesterday = DateTime.now().setZone(ROME).minus({ days: 1 }).set({ hour: 21, minute: 0 });
  await editor.getByTestId('schedule-datetime').fill(yesterday.toFormat("yyyy-MM-dd'T'HH:mm"));
  await editor.getByTestId('schedule-apply').click();
  await expect(editor.getByRole('alert')).toHaveText(
    'Please check what you entered: This time has already passed.',
  );
  await expect(editor.getByTestId('schedule-current')).toHaveText('Draft — not scheduled.');

  // The copy stays a draft in the timeline.
  await composer.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(composer).toBeHidden();
  await expect(page.getByTestId('timeline-counts')).toHaveText('0 scheduled · 1 draft');
  const row = page.getByTestId('timeline-list').getByTestId('update-row');
  await expect(row).toHaveCount(1);
  await expect(row.locator('.row-time')).toHaveText('Draft');
});

test('an unfinished poll is saved as typed, and its copy cannot be scheduled until it is finished', async ({
  page,
}) => {
  await createChannel(page, { name: 'Roma Scuole', platform: 'whatsapp', timeZone: ROME });
  let composer = await newUpdateOn(page, 'Roma Scuole');
  let panel = composer.getByTestId('shared-panel');
  await panel.getByTestId('composer-text').fill('Iscrizioni alle scuole');
  await panel.getByTestId('poll-add').click();
  await panel.getByTestId('poll-question').fill('Quale scuola preferite?');
  await panel.getByTestId('poll-option').first().fill('Elementare');

  // One filled option is not a publishable poll yet: a note says what is missing, and nothing is
  // refused (an option still to be written is not an error).
  const notReady = 'Not ready to publish yet: fill in option 2.';
  await expect(panel.getByTestId('poll-option')).toHaveCount(2);
  await expect(panel.getByTestId('poll-state')).toHaveText(notReady);
  await expect(panel.getByTestId('poll-option').nth(1)).not.toHaveAttribute('aria-invalid', 'true');
  await expect(panel.getByTestId('poll-editor')).toHaveAccessibleDescription(notReady);
  // Two options is the minimum: neither can be removed.
  await expect(panel.getByRole('button', { name: 'Remove option 1' })).toBeDisabled();
  await expect(panel.getByRole('button', { name: 'Remove option 2' })).toBeDisabled();
  await expectSaved(composer);

  // What reached the store: the text and the poll, unfinished, exactly as typed.
  await page.reload();
  await page.getByTestId('timeline-list').getByTestId('open-update').click();
  composer = page.getByTestId('composer');
  panel = composer.getByTestId('shared-panel');
  await expect(panel.getByTestId('composer-text')).toHaveValue('Iscrizioni alle scuole');
  await expect(panel.getByTestId('poll-question')).toHaveValue('Quale scuola preferite?');
  const options = panel.getByTestId('poll-option');
  await expect(options).toHaveCount(2);
  await expect(options.nth(0)).toHaveValue('Elementare');
  await expect(options.nth(1)).toHaveValue('');
  await expect(panel.getByTestId('poll-state')).toHaveText(notReady);

  // Scheduling that copy is refused by the engine, with the reason in words, and it stays a draft.
  const editor = panel.getByRole('group', { name: 'Schedule for Roma Scuole' });
  await editor.getByRole('radio', { name: 'At an exact time' }).check();
  const tomorrow = DateTime.now().setZone(ROME).plus({ days: 1 }).set({ hour: 9, minute: 0 });
  await editor.getByTestId('schedule-datetime').fill(tomorrow.toFormat("yyyy-MM-dd'T'HH:mm"));
  await editor.getByTestId('schedule-apply').click();
  await expect(editor.getByRole('alert')).toHaveText(
    'The poll is not ready to publish. An option cannot be empty. Finish it or remove it, then schedule again.',
  );
  await expect(editor.getByTestId('schedule-current')).toHaveText('Draft — not scheduled.');

  // Finished, the poll is publishable and the same schedule goes through.
  await options.nth(1).fill('Media');
  await expect(panel.getByTestId('poll-state')).toHaveText('The poll is saved with the update.');
  await expectSaved(composer);
  await editor.getByTestId('schedule-apply').click();
  await expect(editor.getByTestId('schedule-current')).toHaveText(/^Scheduled for /);
  await expect(editor.getByRole('alert')).toHaveCount(0);
});

test('a confirmation takes room of its own, never over the view, and can be dismissed', async ({
  page,
}) => {
  await createChannel(page, { name: 'Roma Cultura', platform: 'telegram', timeZone: ROME });
  const status = page.getByRole('status').filter({ hasText: 'Channel “Roma Cultura” created.' });
  await expect(status).toBeVisible();
  const notice = await status.boundingBox();
  const view = await page.locator('#main').boundingBox();
  expect(notice && view).toBeTruthy();
  // Beside the view, not over it.
  expect(notice!.x + notice!.width).toBeLessThanOrEqual(view!.x);

  // Esc on the notice dismisses it.
  await status.getByRole('button', { name: 'Dismiss' }).focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('info-notices')).toBeEmpty();
});

test('one Esc closes one dialog: the embargo dialog, then the composer behind it', async ({
  page,
}) => {
  await createChannel(page, { name: 'Roma Live', platform: 'telegram', timeZone: ROME });
  const composer = await newUpdateOn(page, 'Roma Live');
  await composer.getByTestId('shared-panel').getByTestId('composer-text').fill('Embargoed');
  await expectSaved(composer);
  await composer.getByTestId('embargo-open').click();
  await expect(page.getByTestId('embargo-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('embargo-dialog')).toHaveCount(0);
  await expect(composer).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(composer).toHaveCount(0);
});
