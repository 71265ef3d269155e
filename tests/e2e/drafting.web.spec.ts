// The main journey: two channels, one formatted update with an image and a poll,
// cross-posted and customised, scheduled both ways, surviving a clean stop and a crash, then
// edited, trashed, restored, found, seen in the week and read in Italian.
import type { Locator, Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { expect, test } from './desk-fixture';
import { expectAccessible } from './a11y';
import {
  ALL_WEEKDAYS,
  caretToEnd,
  createChannel,
  expectSaved,
  newUpdateOn,
  saveScreen,
} from './desk-steps';
import { makeGradientPng } from './png-image';

const ROME = 'Europe/Rome';
/** The browser's own zone (playwright.config.ts), so times in the week view are known. */
const EDITOR_ZONE = 'Europe/London';
const LINK = 'https://romamobilita.it/sciopero';
const TITLE = 'Sciopero dei trasporti a Roma';
const SOURCE = [
  '**Sciopero** dei trasporti a _Roma_',
  '',
  '- Metro A chiusa',
  '- Bus sostitutivi nella città',
  '',
  `Dettagli su [Roma Mobilità](${LINK})`,
].join('\n');
const WHATSAPP_EXTRA = 'Su WhatsApp: segui gli aggiornamenti.';
const CRASH_TEXT = 'Aggiornamento: Metro A riapre alle 12.';
const IMAGE_PX = 64;
/** Tall enough for the composer's text, media, poll and both previews in one picture. */
const COMPOSER_SCREEN_PX = 1800;
const QUEUE_TIMES = ['07:30', '18:00'];
const POLL = { question: 'Userete i bus sostitutivi?', options: ['Sì', 'No', 'Non so'] };

/** The first of `times` (HH:mm in Rome, every day) strictly after `after`. */
function nextQueueSlot(after: DateTime): DateTime {
  const day = after.setZone(ROME).startOf('day');
  for (let d = 0; d <= 1; d++) {
    for (const time of QUEUE_TIMES) {
      const [hour, minute] = time.split(':').map(Number);
      const slot = day.plus({ days: d }).set({ hour, minute });
      if (slot > after) return slot;
    }
  }
  throw new Error('no slot within two days');
}

/** The schedule editor of one channel in the composer's "All channels" tab. */
const scheduleOf = (composer: Locator, channel: string) =>
  composer.getByTestId('shared-panel').getByRole('group', { name: `Schedule for ${channel}` });

/** "Tue 3 Mar 2026" as the desk writes dates in English. */
const dayText = (at: DateTime) => at.setLocale('en-GB').toFormat('ccc d LLL yyyy');

async function writeFormattedText(composer: Locator): Promise<void> {
  const panel = composer.getByTestId('shared-panel');
  const text = panel.getByTestId('composer-text');
  // Bold from the toolbar, on a selected word.
  await text.pressSequentially('Sciopero');
  await text.press('Shift+Home');
  await panel.getByTestId('format-bold').click();
  await expect(text).toHaveValue('**Sciopero**');
  await text.press('End');
  // Italic from the keyboard, at the caret: an empty pair to type into.
  await text.pressSequentially(' dei trasporti a ');
  await text.press('Control+I');
  await text.pressSequentially('Roma');
  await text.press('End');
  // A bulleted list from the keyboard over two selected lines.
  await text.press('Enter');
  await text.press('Enter');
  await text.pressSequentially('Metro A chiusa');
  await text.press('Enter');
  await text.pressSequentially('Bus sostitutivi nella città');
  await text.press('Shift+ArrowUp');
  await text.press('Control+Shift+Digit8');
  // A link from the toolbar on the selected words.
  await text.press('Control+End');
  await text.press('Enter');
  await text.press('Enter');
  await text.pressSequentially('Dettagli su Roma Mobilità');
  for (let i = 0; i < 'Roma Mobilità'.length; i++) await text.press('Shift+ArrowLeft');
  await panel.getByTestId('format-link').click();
  const linkDialog = composer.getByTestId('link-dialog');
  await linkDialog.getByTestId('link-href').fill(LINK);
  await linkDialog.getByTestId('link-apply').click();
  await expect(linkDialog).toBeHidden();
  await expect(text).toHaveValue(SOURCE);
}

async function addImageAndPoll(composer: Locator): Promise<void> {
  const panel = composer.getByTestId('shared-panel');
  await panel.getByTestId('attachment-input').setInputFiles({
    name: 'metro.png',
    mimeType: 'image/png',
    buffer: makeGradientPng(IMAGE_PX, IMAGE_PX),
  });
  await expectThumbnail(panel.getByTestId('attachment'));
  await panel.getByTestId('poll-add').click();
  await panel.getByTestId('poll-question').fill(POLL.question);
  await panel.getByTestId('poll-option').nth(0).fill(POLL.options[0]!);
  await panel.getByTestId('poll-option').nth(1).fill(POLL.options[1]!);
  await panel.getByTestId('poll-add-option').click();
  await panel.getByTestId('poll-option').nth(2).fill(POLL.options[2]!);
  await expect(panel.getByTestId('poll-state')).toHaveText('The poll is saved with the update.');
}

/** The attachment shows a decoded thumbnail image, made from the real PNG. */
async function expectThumbnail(attachment: Locator): Promise<void> {
  await expect(attachment).toHaveCount(1);
  const img = attachment.getByRole('img', { name: 'metro.png' });
  await expect(img).toHaveJSProperty('naturalWidth', IMAGE_PX);
  await expect(img).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
}

async function checkPreviews(panel: Locator): Promise<void> {
  const telegram = panel.getByTestId('preview-telegram');
  const whatsapp = panel.getByTestId('preview-whatsapp');
  for (const preview of [telegram, whatsapp]) {
    await expect(preview.locator('strong').first()).toHaveText('Sciopero');
    await expect(preview.locator('em')).toHaveText('Roma');
    await expect(preview.locator('.pv-list-item')).toHaveText([
      /Metro A chiusa/,
      /Bus sostitutivi nella città/,
    ]);
    await expect(preview.getByRole('img', { name: 'metro.png' })).toBeVisible();
    await expect(preview.locator('.bubble-poll li')).toHaveText(POLL.options);
    // No raw markup reaches a reader on either platform.
    await expect(preview).not.toContainText('**');
    await expect(preview).not.toContainText('](');
  }
  // Telegram draws the link (inert) over its words; WhatsApp has no links, so the address is spelled out.
  await expect(telegram.locator('.pv-link')).toHaveText('Roma Mobilità');
  await expect(telegram.locator('.pv-link')).toHaveAttribute('title', LINK);
  await expect(telegram.locator('.bubble-text')).not.toContainText('https://');
  await expect(whatsapp.locator('.pv-link')).toHaveCount(0);
  await expect(whatsapp.locator('.bubble-text')).toContainText(`Roma Mobilità (${LINK})`);
  // With an image the text is a caption: 1,024 characters on both.
  for (const platform of ['telegram', 'whatsapp']) {
    const counter = panel.getByTestId(`counter-${platform}`);
    await expect(counter).toHaveText(/^[1-9]\d* \/ 1,024caption$/);
    await expect(panel.getByTestId(`counter-warning-${platform}`)).toHaveCount(0);
  }
}

async function customiseWhatsApp(composer: Locator, mobilitaId: string, breakingId: string) {
  await composer.locator(`[data-testid=copy-tab][data-channel-id="${mobilitaId}"]`).click();
  let panel = composer.getByRole('tabpanel');
  const text = panel.getByTestId('composer-text');
  await expect(
    panel.getByText('This channel uses the shared text.', { exact: false }),
  ).toBeVisible();
  await expect(text).toHaveValue(SOURCE);
  await caretToEnd(text);
  await text.pressSequentially(`\n\n${WHATSAPP_EXTRA}`);
  await expect(panel.getByTestId('customised-notice')).toBeVisible();
  await expectSaved(composer);
  await expect(panel.getByTestId('preview-whatsapp')).toContainText(WHATSAPP_EXTRA);
  // The Telegram copy still follows the shared text.
  await composer.locator(`[data-testid=copy-tab][data-channel-id="${breakingId}"]`).click();
  panel = composer.getByRole('tabpanel');
  await expect(panel.getByTestId('composer-text')).toHaveValue(SOURCE);
  await expect(panel.getByTestId('customised-notice')).toHaveCount(0);
  await expect(panel.getByTestId('preview-telegram')).not.toContainText(WHATSAPP_EXTRA);
  await composer.getByTestId('shared-tab').click();
}

async function scheduleBoth(composer: Locator, telegramAt: DateTime): Promise<DateTime[]> {
  const telegram = scheduleOf(composer, 'Roma Breaking');
  await telegram.getByRole('radio', { name: 'At an exact time' }).check();
  await telegram.getByTestId('schedule-datetime').fill(telegramAt.toFormat("yyyy-MM-dd'T'HH:mm"));
  await expect(telegram.getByTestId('schedule-reading')).toHaveText(
    `09:30 ${ROME} · 08:30 your time (${EDITOR_ZONE})`,
  );
  await telegram.getByTestId('schedule-apply').click();
  await expect(telegram.getByTestId('schedule-current')).toHaveText(
    new RegExp(`^Scheduled for ${dayText(telegramAt)}, 09:30 CES?T\\.$`),
  );

  const whatsapp = scheduleOf(composer, 'Roma Mobilità');
  await whatsapp.getByRole('radio', { name: 'Add to queue' }).check();
  await expect(whatsapp).toContainText('among this channel’s 14 weekly slots');
  // The slot is the next one after the click; a click that straddles a slot may take the one after.
  const candidates = [nextQueueSlot(DateTime.now())];
  await whatsapp.getByTestId('schedule-apply').click();
  candidates.push(nextQueueSlot(DateTime.now()));
  const current = whatsapp.getByTestId('schedule-current');
  await expect(current).toHaveText(/^In the queue for /);
  const shown = (await current.textContent()) ?? '';
  const queued = candidates.find((c) => shown.includes(`${dayText(c)}, ${c.toFormat('HH:mm')}`));
  expect(queued, `queued at ${shown}, expected one of ${candidates.join(', ')}`).toBeTruthy();
  return [telegramAt, queued!];
}

/** Opens the story from the timeline of `channel`. */
async function openFromTimeline(page: Page, channel: string): Promise<Locator> {
  await page.getByTestId('channel-link').filter({ hasText: channel }).click();
  const row = page.getByTestId('timeline-list').getByTestId('update-row');
  await expect(row).toHaveCount(1);
  await row.getByTestId('open-update').click();
  const composer = page.getByTestId('composer');
  await expect(composer.getByRole('heading', { name: TITLE })).toBeVisible();
  return composer;
}

async function expectEverythingKept(composer: Locator, text: string, times: DateTime[]) {
  const panel = composer.getByTestId('shared-panel');
  await expect(panel.getByTestId('composer-text')).toHaveValue(text);
  await expectThumbnail(panel.getByTestId('attachment'));
  await expect(panel.getByTestId('poll-question')).toHaveValue(POLL.question);
  await expect(panel.getByTestId('poll-option')).toHaveCount(POLL.options.length);
  for (const [i, option] of POLL.options.entries()) {
    await expect(panel.getByTestId('poll-option').nth(i)).toHaveValue(option);
  }
  await expect(scheduleOf(composer, 'Roma Breaking').getByTestId('schedule-current')).toHaveText(
    new RegExp(`^Scheduled for ${dayText(times[0]!)}, 09:30 `),
  );
  await expect(scheduleOf(composer, 'Roma Mobilità').getByTestId('schedule-current')).toHaveText(
    new RegExp(`^In the queue for ${dayText(times[1]!)}, ${times[1]!.toFormat('HH:mm')} `),
  );
  await expect(panel.getByTestId('preview-telegram')).toBeVisible();
}

async function expectWhatsAppVariant(composer: Locator, mobilitaId: string) {
  await composer.locator(`[data-testid=copy-tab][data-channel-id="${mobilitaId}"]`).click();
  const panel = composer.getByRole('tabpanel');
  await expect(panel.getByTestId('customised-notice')).toBeVisible();
  await expect(panel.getByTestId('composer-text')).toHaveValue(`${SOURCE}\n\n${WHATSAPP_EXTRA}`);
  await composer.getByTestId('shared-tab').click();
}

/** Shows the week that holds `at` (in the editor's zone) and returns that day's column. */
async function weekDayOf(page: Page, at: DateTime): Promise<Locator> {
  const date = at.setZone(EDITOR_ZONE).toISODate()!;
  await page.getByTestId('week-today').click();
  await expect(page.getByTestId('week-day')).toHaveCount(7);
  const day = page.locator(`[data-testid=week-day][data-date="${date}"]`);
  // Every scheduled time here is within two days: this week or, on a Sunday, the next.
  if ((await day.count()) === 0) await page.getByTestId('week-next').click();
  await expect(day).toBeVisible();
  return day;
}

test('an editor drafts, cross-posts, schedules and keeps an update through restarts and crashes', async ({
  page,
  desk,
}, testInfo) => {
  test.setTimeout(90_000);
  const breakingId = await createChannel(page, {
    name: 'Roma Breaking',
    platform: 'telegram',
    timeZone: ROME,
    language: 'it',
    description: 'Notizie urgenti dalla città',
    slots: [
      { time: '08:00', weekdays: [1, 2, 3, 4, 5] },
      { time: '12:30', weekdays: [1, 2, 3, 4, 5, 6] },
    ],
  });
  const mobilitaId = await createChannel(page, {
    name: 'Roma Mobilità',
    platform: 'whatsapp',
    timeZone: ROME,
    language: 'it',
    slots: QUEUE_TIMES.map((time) => ({ time, weekdays: ALL_WEEKDAYS })),
  });
  await expect(page.getByTestId('channel-link')).toHaveCount(2);

  // Write, attach, ask.
  const composer = await newUpdateOn(page, 'Roma Breaking');
  await writeFormattedText(composer);
  await addImageAndPoll(composer);
  await expectSaved(composer);
  await expect(composer.getByRole('heading', { name: TITLE })).toBeVisible();

  // Cross-post: one copy per channel, both previews on the shared tab.
  await composer.locator(`[data-testid=story-channel][data-channel-id="${mobilitaId}"]`).check();
  await expect(composer.getByTestId('copy-tab')).toHaveCount(2);
  await checkPreviews(composer.getByTestId('shared-panel'));
  await saveScreen(page, testInfo, 'composer-previews', COMPOSER_SCREEN_PX);
  await expectAccessible(page, testInfo, 'composer-previews');

  await customiseWhatsApp(composer, mobilitaId, breakingId);
  const telegramAt = DateTime.now()
    .setZone(ROME)
    .plus({ days: 1 })
    .set({ hour: 9, minute: 30, second: 0, millisecond: 0 });
  const times = await scheduleBoth(composer, telegramAt);
  await expectSaved(composer);

  // A clean stop and a reload: everything is still there.
  await page.goto(await desk.restart());
  let opened = await openFromTimeline(page, 'Roma Breaking');
  await expectEverythingKept(opened, SOURCE, times);
  await expectWhatsAppVariant(opened, mobilitaId);

  // A crash right after typing: what the indicator called saved survives.
  const typed = `${SOURCE}\n\n${CRASH_TEXT}`;
  const shared = opened.getByTestId('shared-panel').getByTestId('composer-text');
  await caretToEnd(shared);
  await shared.pressSequentially(`\n\n${CRASH_TEXT}`);
  await expectSaved(opened);
  await page.goto(await desk.restart({ kill: true }));
  opened = await openFromTimeline(page, 'Roma Breaking');
  await expectEverythingKept(opened, typed, times);
  await expectWhatsAppVariant(opened, mobilitaId);

  // Edit, then close: the timeline shows the new words.
  const edited = typed.replace('Metro A chiusa', 'Metro A e B chiuse');
  await opened.getByTestId('shared-panel').getByTestId('composer-text').fill(edited);
  await expectSaved(opened);
  await opened.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(opened).toBeHidden();
  const row = page.getByTestId('timeline-list').getByTestId('update-row');
  await expect(row).toContainText('Metro A e B chiuse');
  await expect(row).toContainText('09:30');
  await saveScreen(page, testInfo, 'timeline');
  await expectAccessible(page, testInfo, 'timeline');

  // To the trash and back.
  opened = await openFromTimeline(page, 'Roma Breaking');
  await opened.getByTestId('story-delete').click();
  await expect(opened).toBeHidden();
  await expect(page.getByTestId('info-notices')).toContainText('Update moved to the trash.');
  await expect(row).toHaveCount(0);
  await page.getByTestId('nav-trash').click();
  const trashed = page.getByTestId('trash-item');
  await expect(trashed).toHaveCount(1);
  await expect(trashed).toContainText(TITLE);
  await expect(trashed).toContainText('Roma Breaking');
  await expect(trashed).toContainText('Roma Mobilità');
  await trashed.getByTestId('trash-restore').click();
  await expect(page.getByTestId('info-notices')).toContainText('Update restored.');
  await expect(trashed).toHaveCount(0);
  await page.getByTestId('channel-link').filter({ hasText: 'Roma Breaking' }).click();
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('09:30');

  // Search finds both copies by an accented word, with or without its accent.
  await page.getByTestId('nav-search').click();
  const search = page.getByTestId('search-text');
  const summary = page.getByTestId('search-summary');
  const results = page.getByTestId('search-results').getByTestId('update-row');
  for (const words of ['città', 'mobilita', 'Mobilità']) {
    // A search that finds nothing in between, so each count below is this search's own.
    await search.fill('tram');
    await expect(summary).toHaveText('Results: 0');
    await search.fill(words);
    await expect(summary).toHaveText('Results: 2');
    await expect(results).toHaveCount(2);
  }
  await search.fill('WhatsApp segui');
  await expect(summary).toHaveText('Results: 1');
  await expect(results).toContainText('Roma Mobilità');
  await search.fill('città');
  await expect(results).toHaveCount(2);
  await saveScreen(page, testInfo, 'search');
  await expectAccessible(page, testInfo, 'search');

  // The week shows both scheduled copies at their times in the editor's zone.
  await page.getByTestId('nav-week').click();
  const [tgAt, waAt] = times as [DateTime, DateTime];
  const tgDay = await weekDayOf(page, tgAt);
  await expect(tgDay.getByTestId('week-item').filter({ hasText: 'Roma Breaking' })).toContainText(
    `${tgAt.setZone(EDITOR_ZONE).toFormat('HH:mm')}Roma Breaking${TITLE}`,
  );
  const waDay = await weekDayOf(page, waAt);
  await expect(waDay.getByTestId('week-item').filter({ hasText: 'Roma Mobilità' })).toContainText(
    `${waAt.setZone(EDITOR_ZONE).toFormat('HH:mm')}Roma Mobilità${TITLE}`,
  );
  await saveScreen(page, testInfo, 'week');
  await expectAccessible(page, testInfo, 'week');

  // Italian, at once and after a reload.
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-data-dir')).toHaveText(desk.dataDir);
  await page.getByTestId('settings-language').selectOption('it');
  const expectItalian = async () => {
    await expect(page.locator('html')).toHaveAttribute('lang', 'it');
    await expect(page.getByRole('heading', { level: 1, name: 'Impostazioni' })).toBeVisible();
    await expect(page.getByTestId('nav-timeline')).toHaveText('Palinsesto');
    await expect(page.getByTestId('nav-week')).toHaveText('Settimana');
    await expect(page.getByTestId('new-update')).toHaveText('Nuovo aggiornamento');
    await expect(page.getByText('Cartella dei dati')).toBeVisible();
  };
  await expectItalian();
  await page.reload();
  await page.getByTestId('nav-settings').click();
  await expectItalian();
  await saveScreen(page, testInfo, 'settings-it');
  await expectAccessible(page, testInfo, 'settings-it');
  await page.getByTestId('nav-week').click();
  await weekDayOf(page, tgAt);
  await expect(page.getByTestId('week-today')).toHaveText('Oggi');
  await saveScreen(page, testInfo, 'week-it');
});
