// Publishing, through the real interface on the built-in hub: a Telegram channel set up against a
// Bot API peer (test code that behaves like Telegram), one story on Telegram and WhatsApp. At its
// minute the Telegram post goes out formatted; the WhatsApp copy falls due, the editor copies the
// text, confirms it and sees its countdowns; a correction ("Correct…", under its label) edits the
// Telegram post and becomes a WhatsApp task; "publish now" makes another story due at once.
import type { Locator } from '@playwright/test';
import { DateTime } from 'luxon';
import type { TelegramPeer } from '../support/telegram-peer';
import { PEER_CHANNEL, PEER_TOKEN, startTelegramPeer } from '../support/telegram-peer';
import { expect, test } from './desk-fixture';
import { expectAccessible } from './a11y';
import { createChannel, expectSaved, newUpdateOn, saveScreen } from './desk-steps';

const ROME = 'Europe/Rome';
const TELEGRAM = { name: 'Roma Mobilità', platform: 'telegram', timeZone: ROME } as const;
const WHATSAPP = { name: 'Roma su WhatsApp', platform: 'whatsapp', timeZone: ROME } as const;

let peer: TelegramPeer;
test.beforeAll(async () => {
  peer = await startTelegramPeer();
  // Read by the desk host this worker starts next: its built-in hub talks to the peer.
  process.env.CHANNEL_DESK_TELEGRAM_API_ROOT = peer.apiRoot;
});
test.afterAll(async () => {
  delete process.env.CHANNEL_DESK_TELEGRAM_API_ROOT;
  await peer.close();
});

const scheduleOf = (composer: Locator, channel: string) =>
  composer.getByTestId('shared-panel').getByRole('group', { name: `Schedule for ${channel}` });

const sent = (method: string) => peer.callsOf(method).filter((c) => c.status === 200);

test('a story goes out on Telegram at its minute, waits for the editor on WhatsApp, and a correction reaches both', async ({
  page,
  context,
}, testInfo) => {
  test.setTimeout(240_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await expect(page.getByTestId('sync-indicator')).toBeVisible({ timeout: 60_000 });
  await createChannel(page, TELEGRAM);
  const whatsappId = await createChannel(page, WHATSAPP);

  // The Telegram channel's publishing settings, checked with the (peer) Bot API before saving.
  await page.getByTestId('channel-link').filter({ hasText: TELEGRAM.name }).click();
  await page.getByTestId('edit-channel').click();
  const section = page.getByTestId('connector-section');
  await section.getByTestId('connector-chat').fill('@nobody_here');
  await section.getByTestId('connector-token').fill(PEER_TOKEN);
  await section.getByTestId('connector-save').click();
  await expect(section.getByTestId('connector-result')).toContainText(/chat not found/i, {
    timeout: 30_000,
  });
  await section.getByTestId('connector-chat').fill(PEER_CHANNEL);
  await section.getByTestId('connector-save').click();
  await expect(section.getByTestId('connector-result')).toContainText('desk_peer_bot', {
    timeout: 30_000,
  });
  await saveScreen(page, testInfo, 'telegram-settings');
  await expectAccessible(page, testInfo, 'telegram-settings');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('channel-dialog')).toBeHidden();

  // One story on both channels, both scheduled for the next whole minute (at least 25 s away).
  const composer = await newUpdateOn(page, TELEGRAM.name);
  await composer.locator(`[data-testid=story-channel][data-channel-id="${whatsappId}"]`).check();
  const text = composer.getByTestId('shared-panel').getByTestId('composer-text');
  await text.fill('**Ring road** closed tonight from 22:00');
  await expectSaved(composer);
  const at = DateTime.now()
    .setZone(ROME)
    .plus({ seconds: 25 })
    .startOf('minute')
    .plus({ minutes: 1 });
  for (const channel of [TELEGRAM.name, WHATSAPP.name]) {
    const schedule = scheduleOf(composer, channel);
    await schedule.getByRole('radio', { name: 'At an exact time' }).check();
    await schedule.getByTestId('schedule-datetime').fill(at.toFormat("yyyy-MM-dd'T'HH:mm"));
    await schedule.getByTestId('schedule-apply').click();
    await expect(schedule.getByTestId('schedule-current')).toHaveText(/^Scheduled for /);
  }
  await expect(composer.getByTestId('schedule-not-on-hub')).toHaveCount(0, { timeout: 30_000 });

  // Telegram: the formatted post, at its minute (the hub's worker runs in the desk).
  await expect.poll(() => sent('sendMessage').length, { timeout: 120_000 }).toBe(1);
  const post = sent('sendMessage')[0]!;
  expect(post.params.chat_id).toBe(PEER_CHANNEL);
  expect(post.params.text).toBe('<b>Ring road</b> closed tonight from 22:00');
  expect(post.params.parse_mode).toBe('HTML');
  // Never early; on time (the benchmark measures the precision: this only rules out "much later").
  const late = post.at.getTime() - at.toMillis();
  expect(late, `sent ${late} ms after its time`).toBeGreaterThanOrEqual(0);
  expect(late).toBeLessThan(15_000);

  // WhatsApp: due, the text ready to paste, confirmed with the post's link.
  const task = composer.getByTestId('whatsapp-task');
  await expect(task).toBeVisible({ timeout: 30_000 });
  await expect(task).toContainText('Time to post on WhatsApp');
  await saveScreen(page, testInfo, 'whatsapp-due');
  await expectAccessible(page, testInfo, 'whatsapp-due');
  await task.getByTestId('whatsapp-copy').click();
  await expect(task.getByTestId('whatsapp-copy-status')).toContainText('Copied');
  // Runs in the page (tests compile without the DOM's types).
  const readClipboard = () =>
    (
      globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
    ).navigator.clipboard.readText();
  expect(await page.evaluate(readClipboard)).toBe('*Ring road* closed tonight from 22:00');
  await task.getByTestId('whatsapp-link-input').fill('https://whatsapp.com/channel/roma/1');
  await task.getByTestId('whatsapp-confirm').click();
  await expect(composer.getByTestId('whatsapp-task')).toHaveCount(0, { timeout: 30_000 });
  const panels = composer.getByTestId('delivery-panel');
  await expect(panels.filter({ hasText: 'Leaves WhatsApp in' })).toHaveCount(1, {
    timeout: 30_000,
  });
  await expect(panels.getByTestId('delivery-countdown').first()).toBeVisible();
  await saveScreen(page, testInfo, 'published-countdowns');

  // A correction through "Correct…", under the label in the channels' language (English: the
  // interface's, as neither channel chose another): Telegram's post is edited; WhatsApp gets a task.
  await composer.getByTestId('story-correct').click();
  const correct = page.getByTestId('correct-dialog');
  const corrected = correct.getByTestId('correct-text');
  await expect(corrected).toHaveValue('**Ring road** closed tonight from 22:00');
  await corrected.fill('**Ring road** closed tonight from 23:00');
  await expect(
    correct.getByRole('checkbox', { name: /^Begin the published posts with/ }),
  ).toBeChecked();
  await expect(correct).toContainText('Begin the published posts with “Correction:”');
  await saveScreen(page, testInfo, 'correction-dialog');
  await expectAccessible(page, testInfo, 'correction-dialog');
  await correct.getByTestId('correct-send').click();
  await expect(correct).toBeHidden();
  await expect.poll(() => sent('editMessageText').length, { timeout: 60_000 }).toBe(1);
  const edit = sent('editMessageText')[0]!;
  expect(edit.params.text).toBe('<b>Correction:</b> <b>Ring road</b> closed tonight from 23:00');
  expect(String(edit.params.message_id)).toBe(
    String(peer.chat(PEER_CHANNEL).history[0]!.message_id),
  );
  const correction = composer.getByTestId('whatsapp-task');
  await expect(correction).toContainText('Correct the post on WhatsApp', { timeout: 30_000 });
  await expect(correction.getByTestId('whatsapp-text')).toHaveValue(
    '*Correction:* *Ring road* closed tonight from 23:00',
  );
  expect(sent('sendMessage')).toHaveLength(1);
  await saveScreen(page, testInfo, 'correction-task');
  await page.keyboard.press('Escape');

  // Publish now: a second story on WhatsApp is due at once.
  const urgent = await newUpdateOn(page, WHATSAPP.name);
  await urgent
    .getByTestId('shared-panel')
    .getByTestId('composer-text')
    .fill('Flood alert on the Tiber');
  await expectSaved(urgent);
  const now = scheduleOf(urgent, WHATSAPP.name);
  await now.getByRole('radio', { name: 'Publish now' }).check();
  await expect(now.getByTestId('schedule-now-hint')).toBeVisible();
  await saveScreen(page, testInfo, 'publish-now');
  await now.getByRole('button', { name: 'Publish now' }).click();
  await expect(urgent.getByTestId('whatsapp-task')).toContainText('Time to post on WhatsApp', {
    timeout: 30_000,
  });
});
