// Queues and the notification budget, through the real interface on the built-in hub, with Telegram
// channels wired to a Bot API peer (test code that behaves like Telegram). Breaking news pre-empts a
// queue: the queued stories due within the hour step aside to the following slots, in their order,
// and the report says where each went; the queue is then reordered from the keyboard. Quiet hours
// turn a post silent (the composer says so beforehand); without them the next post rings.
import type { Locator, Page } from '@playwright/test';
import { DateTime } from 'luxon';
import type { TelegramPeer } from '../support/telegram-peer';
import { PEER_TOKEN, startTelegramPeer } from '../support/telegram-peer';
import { expect, test } from './desk-fixture';
import { expectAccessible } from './a11y';
import { ALL_WEEKDAYS, createChannel, expectSaved, newUpdateOn, saveScreen } from './desk-steps';

const ROME = 'Europe/Rome';
/** One Telegram channel on the peer per journey, so each reads only its own posts. */
const QUEUE_CHAT = { id: -1_001_000_000_101, username: 'rome_queue', title: 'Roma Coda' };
const NIGHT_CHAT = { id: -1_001_000_000_102, username: 'rome_night', title: 'Roma Notte' };
/** Weekly slots this many minutes after the start of the journey: three inside the breaking post's
 * hour (they hold the queue), three after it (where the queue moves to). */
const SLOT_OFFSETS_MIN = [15, 30, 45, 75, 90, 105];
const QUEUED_TITLES = ['Bus 64 diverted', 'Metro C works at night', 'Tiber walk closed'];
const BREAKING_TEXT = 'Tram 8 suspended after a power cut';
/** Tall enough for the dialogs and the composer's copy tab in one picture. */
const TALL_SCREEN_PX = 1300;

let peer: TelegramPeer;
test.beforeAll(async () => {
  peer = await startTelegramPeer({
    chats: [QUEUE_CHAT, NIGHT_CHAT].map((c) => ({ ...c, type: 'channel' as const })),
  });
  // Read by the desk host this worker starts next: its built-in hub talks to the peer.
  process.env.CHANNEL_DESK_TELEGRAM_API_ROOT = peer.apiRoot;
});
test.afterAll(async () => {
  delete process.env.CHANNEL_DESK_TELEGRAM_API_ROOT;
  await peer.close();
});

/** The posts the peer accepted in one chat. */
const sentTo = (chat: { username: string }) =>
  peer
    .callsOf('sendMessage')
    .filter((c) => c.status === 200 && c.params.chat_id === `@${chat.username}`);

const scheduleOf = (scope: Locator, channel: string) =>
  scope.getByRole('group', { name: `Schedule for ${channel}` });

/** Wires a channel to the peer in its dialog's publishing settings; leaves the dialog open. */
async function connectToPeer(page: Page, channel: string, chat: { username: string }) {
  await page.getByTestId('channel-link').filter({ hasText: channel }).click();
  await page.getByTestId('edit-channel').click();
  const dialog = page.getByTestId('channel-dialog');
  const section = dialog.getByTestId('connector-section');
  await section.getByTestId('connector-chat').fill(`@${chat.username}`);
  await section.getByTestId('connector-token').fill(PEER_TOKEN);
  await section.getByTestId('connector-save').click();
  await expect(section.getByTestId('connector-result')).toContainText('desk_peer_bot', {
    timeout: 30_000,
  });
  return dialog;
}

/** The titles of a timeline's rows, top to bottom, and the time each shows. */
async function timelineRows(page: Page): Promise<{ title: string; time: string }[]> {
  const rows = page.getByTestId('timeline-list').getByTestId('update-row');
  return rows.evaluateAll((els) =>
    els
      .map((el) => ({
        top: el.getBoundingClientRect().top,
        title: el.querySelector('[data-testid=open-update]')?.textContent ?? '',
        time: el.querySelector('.row-time span')?.textContent ?? '',
      }))
      .sort((a, b) => a.top - b.top)
      .map(({ title, time }) => ({ title, time })),
  );
}

test('breaking news pre-empts a queue: the queued stories move to the following slots in order', async ({
  page,
}, testInfo) => {
  test.setTimeout(110_000);
  await expect(page.getByTestId('sync-indicator')).toBeVisible({ timeout: 60_000 });
  const start = DateTime.now().setZone(ROME).startOf('minute');
  const slots = SLOT_OFFSETS_MIN.map((m) => start.plus({ minutes: m }));
  const channel = 'Roma Coda';
  await createChannel(page, {
    name: channel,
    platform: 'telegram',
    timeZone: ROME,
    language: 'en',
    slots: slots.map((s) => ({ time: s.toFormat('HH:mm'), weekdays: ALL_WEEKDAYS })),
  });
  const settings = await connectToPeer(page, channel, QUEUE_CHAT);
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  // Three stories added to the queue take the next three slots, in the order they were added.
  for (const [i, title] of QUEUED_TITLES.entries()) {
    const composer = await newUpdateOn(page, channel);
    await composer.getByTestId('shared-panel').getByTestId('composer-text').fill(title);
    await expectSaved(composer);
    const schedule = scheduleOf(composer.getByTestId('shared-panel'), channel);
    await schedule.getByRole('radio', { name: 'Add to queue' }).check();
    await schedule.getByTestId('schedule-apply').click();
    await expect(schedule.getByTestId('schedule-current')).toHaveText(
      new RegExp(`^In the queue for .*${slots[i]!.toFormat('HH:mm')} `),
    );
    await page.keyboard.press('Escape');
  }
  await page.getByTestId('channel-link').filter({ hasText: channel }).click();
  await expect
    .poll(() => timelineRows(page))
    .toEqual(QUEUED_TITLES.map((title, i) => ({ title, time: slots[i]!.toFormat('HH:mm') })));

  // The breaking story, published now, loud, through the composer's "Breaking news…".
  const composer = await newUpdateOn(page, channel);
  await composer.getByTestId('shared-panel').getByTestId('composer-text').fill(BREAKING_TEXT);
  await expectSaved(composer);
  await composer.getByTestId('story-breaking').click();
  const dialog = page.getByTestId('breaking-dialog');
  const line = dialog.getByTestId('breaking-channel').filter({ hasText: channel });
  await expect(line.getByRole('checkbox', { name: channel })).toBeChecked();
  await expect(
    line.getByRole('radiogroup', { name: `Notification on ${channel}` }).getByLabel('Loud'),
  ).toBeChecked();
  await saveScreen(page, testInfo, 'queue-breaking-dialog', TALL_SCREEN_PX);
  await expectAccessible(page, testInfo, 'queue-breaking-dialog');
  await dialog.getByTestId('breaking-publish').click();

  // The report: the three queued stories, each from its slot to the first one after the hour.
  const report = page.getByTestId('breaking-report');
  await expect(report).toContainText(`Going out now on: ${channel}.`);
  const moved = report.getByTestId('breaking-moved').getByRole('listitem');
  await expect(moved).toHaveText(
    QUEUED_TITLES.map(
      (title, i) =>
        new RegExp(
          // A time on another day than today's reads with its date and zone ("Sun 22 Nov 2026, 00:04 CET").
          `^“${title}” moved from .*${slots[i]!.toFormat('HH:mm')}( \\S+)? to .*${slots[i + 3]!.toFormat('HH:mm')}( \\S+)? on ${channel}$`,
        ),
    ),
  );
  await saveScreen(page, testInfo, 'queue-breaking-report', TALL_SCREEN_PX);
  await expectAccessible(page, testInfo, 'queue-breaking-report');
  await expect(report.getByTestId('breaking-dismiss')).toBeFocused();
  await report.getByTestId('breaking-dismiss').click();
  await expect(report).toBeHidden();

  // Telegram has the breaking post at once, and it rings; nothing queued went out.
  await expect.poll(() => sentTo(QUEUE_CHAT).length, { timeout: 30_000 }).toBe(1);
  const post = sentTo(QUEUE_CHAT)[0]!;
  expect(post.params.text).toBe(BREAKING_TEXT);
  expect(post.params.disable_notification).toBe(false);

  // The timeline: the breaking post first, then the queue in the same order, an hour on.
  await page.keyboard.press('Escape');
  await page.getByTestId('channel-link').filter({ hasText: channel }).click();
  const later = (order: number[]) =>
    order.map((q, i) => ({ title: QUEUED_TITLES[q]!, time: slots[i + 3]!.toFormat('HH:mm') }));
  await expect.poll(async () => (await timelineRows(page)).slice(1)).toEqual(later([0, 1, 2]));
  expect((await timelineRows(page))[0]!.title).toBe(BREAKING_TEXT);
  await saveScreen(page, testInfo, 'queue-timeline-after-breaking');

  // Reordered from the keyboard on the first queued story's handle: one place down.
  const first = page
    .getByTestId('timeline-list')
    .getByTestId('update-row')
    .filter({ hasText: QUEUED_TITLES[0] });
  // What a screen reader hears comes from dnd-kit's live region (a status), rewritten at each step.
  const handle = first.getByTestId('queue-drag');
  const spoken = (text: string) => page.getByRole('status').filter({ hasText: text });
  await handle.focus();
  await page.keyboard.press('Space');
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(spoken(`${QUEUED_TITLES[0]} is over position 2 of 3.`)).toBeAttached();
  await page.keyboard.press('Space');
  await expect(spoken(`${QUEUED_TITLES[0]} dropped at position 2 of 3.`)).toBeAttached();
  await expect.poll(async () => (await timelineRows(page)).slice(1)).toEqual(later([1, 0, 2]));
  await saveScreen(page, testInfo, 'queue-timeline-reordered');
  expect(sentTo(QUEUE_CHAT)).toHaveLength(1);
});

/** "HH:mm" in Rome, `minutes` from now (quiet hours are wall times in the channel's zone). */
const romeClock = (minutes: number) =>
  DateTime.now().setZone(ROME).plus({ minutes }).toFormat('HH:mm');

test('quiet hours turn a post silent, and without them the next post rings', async ({
  page,
}, testInfo) => {
  test.setTimeout(110_000);
  await expect(page.getByTestId('sync-indicator')).toBeVisible({ timeout: 60_000 });
  const channel = 'Roma Notte';
  const channelId = await createChannel(page, {
    name: channel,
    platform: 'telegram',
    timeZone: ROME,
    language: 'en',
  });

  // Quiet hours around now in Rome (they may run past midnight), set with the publishing settings.
  const quiet = { from: romeClock(-60), to: romeClock(120) };
  const settings = await connectToPeer(page, channel, NIGHT_CHAT);
  const workflow = settings.getByTestId('channel-workflow');
  await workflow.getByRole('checkbox', { name: 'Quiet hours' }).check();
  await workflow.getByLabel('From', { exact: true }).fill(quiet.from);
  await workflow.getByLabel('To', { exact: true }).fill(quiet.to);
  await workflow.scrollIntoViewIfNeeded();
  await saveScreen(page, testInfo, 'queue-workflow-settings', TALL_SCREEN_PX);
  await expectAccessible(page, testInfo, 'queue-workflow-settings');
  await settings.getByTestId('channel-save').click();
  await expect(settings).toBeHidden();

  // The copy tab says beforehand that the post goes out silently, and why.
  const composer = await newUpdateOn(page, channel);
  await composer
    .getByTestId('shared-panel')
    .getByTestId('composer-text')
    .fill('Night bus N1 rerouted');
  await expectSaved(composer);
  await composer.locator(`[data-testid=copy-tab][data-channel-id="${channelId}"]`).click();
  const panel = composer.getByTestId('copy-panel');
  const schedule = scheduleOf(panel, channel);
  await schedule.getByRole('radio', { name: 'At an exact time' }).check();
  const inTenMinutes = DateTime.now().setZone(ROME).plus({ minutes: 10 });
  await schedule.getByTestId('schedule-datetime').fill(inTenMinutes.toFormat("yyyy-MM-dd'T'HH:mm"));
  await schedule.getByTestId('schedule-apply').click();
  await expect(schedule.getByTestId('schedule-current')).toHaveText(/^Scheduled for /);
  const note = panel.getByTestId('loudness-note');
  await expect(note.getByTestId('loudness-reasons')).toHaveText(
    `Goes out silently: quiet hours ${quiet.from}–${quiet.to}.`,
  );
  await expect(note.getByTestId('copy-silent')).not.toBeChecked();
  await note.scrollIntoViewIfNeeded();
  await saveScreen(page, testInfo, 'queue-loudness-note', TALL_SCREEN_PX);
  await expectAccessible(page, testInfo, 'queue-loudness-note');

  // Published now: Telegram gets it without a notification.
  await schedule.getByRole('radio', { name: 'Publish now' }).check();
  await schedule.getByRole('button', { name: 'Publish now' }).click();
  await expect.poll(() => sentTo(NIGHT_CHAT).length, { timeout: 30_000 }).toBe(1);
  expect(sentTo(NIGHT_CHAT)[0]!.params.text).toBe('Night bus N1 rerouted');
  expect(sentTo(NIGHT_CHAT)[0]!.params.disable_notification).toBe(true);
  await page.keyboard.press('Escape');

  // Quiet hours removed: the next post, published now, rings.
  await page.getByTestId('channel-link').filter({ hasText: channel }).click();
  await page.getByTestId('edit-channel').click();
  const again = page.getByTestId('channel-dialog');
  await again
    .getByTestId('channel-workflow')
    .getByRole('checkbox', { name: 'Quiet hours' })
    .uncheck();
  await again.getByTestId('channel-save').click();
  await expect(again).toBeHidden();
  const loud = await newUpdateOn(page, channel);
  await loud
    .getByTestId('shared-panel')
    .getByTestId('composer-text')
    .fill('Night bus N1 back on its route');
  await expectSaved(loud);
  await loud.locator(`[data-testid=copy-tab][data-channel-id="${channelId}"]`).click();
  const loudPanel = loud.getByTestId('copy-panel');
  const now = scheduleOf(loudPanel, channel);
  await now.getByRole('radio', { name: 'Publish now' }).check();
  await now.getByRole('button', { name: 'Publish now' }).click();
  await expect.poll(() => sentTo(NIGHT_CHAT).length, { timeout: 30_000 }).toBe(2);
  expect(sentTo(NIGHT_CHAT)[1]!.params.text).toBe('Night bus N1 back on its route');
  expect(sentTo(NIGHT_CHAT)[1]!.params.disable_notification).toBe(false);
  expect(peer.chat(`@${NIGHT_CHAT.username}`).history.map((m) => m.silent)).toEqual([true, false]);
});
