// Onboarding, solo mode and a newsroom hub, through the real interface: two desks (two hosts, two
// browser pages) on one hub process; one is cut off, both edit the same words, and the conflict is
// settled side by side; a contributor's schedule is refused with its reason.
import type { Page } from '@playwright/test';
import { expect, launchDesk, test } from './desk-fixture';
import { expectAccessible } from './a11y';
import { createChannel, expectSaved, newUpdateOn, saveScreen } from './desk-steps';
import type { TeamHub } from './team-hub';
import { TEAM_PASSWORD, networkSwitch, startTeamHub } from './team-hub';

const CHANNEL = { name: 'City desk', platform: 'telegram', timeZone: 'Europe/Rome' } as const;

async function openUpdate(page: Page, channel: string, title: RegExp) {
  await page.getByTestId('channel-link').filter({ hasText: channel }).click();
  const row = page
    .getByTestId('timeline-list')
    .getByTestId('update-row')
    .filter({ hasText: title });
  await expect(row).toHaveCount(1);
  await row.getByTestId('open-update').click();
  return page.getByTestId('composer');
}

async function typeText(page: Page, text: string) {
  const composer = page.getByTestId('composer');
  const editor = composer.getByTestId('shared-panel').getByTestId('composer-text');
  await editor.fill(text);
  await expectSaved(composer);
}

test.describe('first run', () => {
  test.use({ onboarding: 'fresh' });

  test('working alone schedules on the built-in hub, with no server to run', async ({
    page,
  }, testInfo) => {
    test.setTimeout(150_000);
    await expect(page.getByTestId('onboarding')).toBeVisible();
    await saveScreen(page, testInfo, 'onboarding');
    await expectAccessible(page, testInfo, 'onboarding');
    await page.getByTestId('onboarding-solo').click();
    await expect(page.getByTestId('sync-indicator')).toBeVisible({ timeout: 60_000 });
    await createChannel(page, CHANNEL);
    const composer = await newUpdateOn(page, CHANNEL.name);
    await typeText(page, 'Street market moves to Piazza Verdi');
    const schedule = composer.getByTestId('schedule-editor').first();
    await schedule.getByRole('radio', { name: 'At an exact time' }).check();
    await schedule.getByTestId('schedule-datetime').fill('2031-03-02T09:30');
    await schedule.getByTestId('schedule-apply').click();
    await expect(schedule.getByTestId('schedule-current')).toHaveText(/^Scheduled for /);
    await expect(composer.getByTestId('schedule-not-on-hub')).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByTestId('sync-indicator-text')).toHaveText(/Synced/, { timeout: 30_000 });
    const row = page.getByTestId('timeline-list').getByTestId('update-row');
    await expect(row.getByTestId('sync-badge')).not.toContainText(/local only/i);
    await saveScreen(page, testInfo, 'solo-synced');
  });
});

test.describe('with a newsroom hub', () => {
  test.use({ onboarding: 'fresh' });
  let hub: TeamHub;
  test.beforeAll(async () => {
    hub = await startTeamHub();
  });
  test.afterAll(async () => {
    await hub?.close();
  });

  test('two desks converge, and a conflict is settled side by side', async ({
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(180_000);
    const net = await networkSwitch(hub.url);
    const deskB = await launchDesk('fresh');
    try {
      // Desk A signs in through the onboarding form (a wrong password first).
      await page.getByTestId('onboarding-team').click();
      await page.getByTestId('hub-url').fill(net.url);
      await page.getByTestId('hub-email').fill(hub.member('owner').email);
      await page.getByTestId('hub-password').fill('not the password');
      await page.getByTestId('hub-connect').click();
      await expect(page.getByTestId('hub-form')).toContainText(/wrong email or password/i);
      await expect(page.getByTestId('hub-password')).toHaveValue('');
      await page.getByTestId('hub-password').fill(TEAM_PASSWORD);
      await page.getByTestId('hub-connect').click();
      await expect(page.getByTestId('sync-indicator')).toBeVisible({ timeout: 30_000 });
      await createChannel(page, CHANNEL);
      await newUpdateOn(page, CHANNEL.name);
      await typeText(page, 'The bridge closes at nine tonight.');

      // Desk B, an editor, online.
      await deskB.invoke('connectHub', {
        url: hub.url,
        email: hub.member('editor').email,
        password: TEAM_PASSWORD,
      });
      const pageB = await browser.newPage();
      await pageB.goto(deskB.url);
      const composerB = await openUpdate(pageB, CHANNEL.name, /bridge closes at nine/);
      await expect(
        pageB.getByTestId('timeline-list').getByTestId('sync-badge').first(),
      ).toContainText(/Olga/);

      // A is cut off; both change the same words.
      net.cut();
      await typeText(page, 'The bridge closes at ten tonight.');
      await composerB
        .getByTestId('shared-panel')
        .getByTestId('composer-text')
        .fill('The bridge closes at eleven tonight.');
      await expectSaved(composerB);
      await expect(pageB.getByTestId('sync-indicator-text')).toHaveText(/Synced/);
      await expect(page.getByTestId('sync-indicator-text')).toHaveText(/Offline|waiting/, {
        timeout: 15_000,
      });
      await saveScreen(page, testInfo, 'desk-a-offline');

      // Back online: the conflict shows on both desks; A settles it.
      net.restore();
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('composer')).toBeHidden();
      // The desk retries by itself (backoff from 1 s); Retry, while it is still offered, goes now.
      await page
        .getByTestId('sync-indicator')
        .getByTestId('sync-retry')
        .click({ timeout: 2_000 })
        .catch(() => undefined);
      await expect(page.getByTestId('sync-indicator-text')).toHaveText(/Synced/, {
        timeout: 15_000,
      });
      await expect(
        page.getByTestId('timeline-list').getByTestId('conflict-badge').first(),
      ).toBeVisible();
      await openUpdate(page, CHANNEL.name, /bridge closes at/);
      const panel = page.getByTestId('conflict-panel');
      await expect(panel).toBeVisible({ timeout: 15_000 });
      await expect(panel).toContainText('The bridge closes at eleven tonight.');
      await expect(panel).toContainText('The bridge closes at ten tonight.');
      await saveScreen(page, testInfo, 'conflict-side-by-side', 1400);
      await expectAccessible(page, testInfo, 'conflict-side-by-side');
      await panel.getByTestId('conflict-merged').fill('The bridge closes at 22:30 tonight.');
      await panel.getByTestId('conflict-use-merged').click();
      await expect(panel).toBeHidden();
      // B's composer, open all along, takes in the settled text without being reopened.
      await expect(composerB.getByTestId('shared-panel').getByTestId('composer-text')).toHaveValue(
        'The bridge closes at 22:30 tonight.',
        { timeout: 15_000 },
      );
      // B closes the update and finds the settled text in the list, with no conflict left.
      await pageB.keyboard.press('Escape');
      await expect(
        pageB.getByTestId('timeline-list').getByTestId('update-row').filter({ hasText: /22:30/ }),
      ).toHaveCount(1, { timeout: 15_000 });
      const reopened = await openUpdate(pageB, CHANNEL.name, /22:30/);
      await expect(reopened.getByTestId('shared-panel').getByTestId('composer-text')).toHaveValue(
        'The bridge closes at 22:30 tonight.',
      );
      await expect(pageB.getByTestId('conflict-panel')).toBeHidden();
      await saveScreen(pageB, testInfo, 'desk-b-settled');
      await pageB.close();
    } finally {
      await deskB.close();
      await net.close();
    }
  });

  test('a contributor cannot schedule: the hub refuses, says why, and keeps the text', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    const ownerDesk = await launchDesk('fresh');
    try {
      await ownerDesk.invoke('connectHub', {
        url: hub.url,
        email: hub.member('owner').email,
        password: TEAM_PASSWORD,
      });
      await ownerDesk.invoke('createChannel', {
        name: 'Contributors',
        platform: 'telegram',
        timeZone: 'Europe/Rome',
        language: 'en',
      });
      await ownerDesk.invoke('syncNow', {});

      await page.getByTestId('onboarding-team').click();
      await page.getByTestId('hub-url').fill(hub.url);
      await page.getByTestId('hub-email').fill(hub.member('contributor').email);
      await page.getByTestId('hub-password').fill(TEAM_PASSWORD);
      await page.getByTestId('hub-connect').click();
      await expect(
        page.getByTestId('channel-link').filter({ hasText: 'Contributors' }),
      ).toBeVisible({ timeout: 15_000 });
      const composer = await newUpdateOn(page, 'Contributors');
      await typeText(page, 'Neighbourhood clean-up on Sunday');
      const schedule = composer.getByTestId('schedule-editor').first();
      await schedule.getByRole('radio', { name: 'At an exact time' }).check();
      await schedule.getByTestId('schedule-datetime').fill('2031-03-02T09:30');
      await schedule.getByTestId('schedule-apply').click();
      const refusal = page.getByTestId('copy-refused');
      await expect(refusal).toBeVisible({ timeout: 15_000 });
      await expect(refusal).toContainText(/schedul/i);
      await saveScreen(page, testInfo, 'contributor-refused');
      await expectAccessible(page, testInfo, 'contributor-refused');
      await page.keyboard.press('Escape');
      await expect(composer).toBeHidden();
      await page.getByTestId('sync-indicator-open').click();
      await expect(page.getByTestId('refusal-text').first()).toContainText(
        'Neighbourhood clean-up on Sunday',
      );
    } finally {
      await ownerDesk.close();
    }
  });
});
