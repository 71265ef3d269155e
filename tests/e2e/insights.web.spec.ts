// Analytics and the permanent archive on a newsroom hub with two months of publishing history:
// the analytics screen draws its charts from what the desk pulled; the archive finds an update
// WhatsApp has already forgotten, and shows what was published and the correction that followed.
import { expect, test } from './desk-fixture';
import { expectAccessible } from './a11y';
import { saveScreen } from './desk-steps';
import type { SeedChannel, SeedStory } from './seed-history';
import { seedPublishedHistory } from './seed-history';
import type { TeamHub } from './team-hub';
import { TEAM_PASSWORD, startTeamHub } from './team-hub';

const SYNC_TIMEOUT_MS = 30_000;

const CHANNELS: SeedChannel[] = [
  { key: 'flash', name: 'Roma Flash', platform: 'telegram' },
  { key: 'city', name: 'City Desk', platform: 'telegram' },
  { key: 'wa', name: 'Roma WhatsApp', platform: 'whatsapp' },
];

const TOPICS = ['mobility', 'weather', 'politics', 'culture'];
const SUBJECTS = [
  'Metro A runs late after a signal fault',
  'Storm warning for the coast tonight',
  'Council approves the new bridge budget',
  'Museum night: free entry until midnight',
  'Bus lines 64 and 40 diverted for the marathon',
  'Heat: fountains open longer in the centre',
];

/** Two months of stories: one or two a day, at varied hours, on varied channels. */
function history(): SeedStory[] {
  const stories: SeedStory[] = [];
  // mulberry32: small, seeded, and evenly spread (the same history on every run).
  let state = 20_261_121;
  const next = (n: number) => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return Math.floor((((x ^ (x >>> 14)) >>> 0) / 4_294_967_296) * n);
  };
  for (let day = 1; day <= 60; day++) {
    for (let k = 0, n = 1 + next(3); k < n; k++) {
      const views = 300 + next(4000);
      stories.push({
        on: next(3) === 0 ? ['flash', 'city'] : [next(2) === 0 ? 'flash' : 'city'],
        text: `${SUBJECTS[next(SUBJECTS.length)]} (${day}/${k})`,
        daysAgo: day,
        hour: 6 + next(16),
        views,
        reactions: { '👍': next(Math.round(views / 20)), '🔥': next(Math.round(views / 60)) },
        silent: next(4) === 0,
        tags: [TOPICS[next(TOPICS.length)]!],
      });
    }
  }
  // Published on WhatsApp 40 days ago (WhatsApp keeps updates 30 days), then corrected.
  stories.push({
    on: ['wa', 'flash'],
    text: 'Tram strike on Friday: lines 2, 3 and 8 stop from 8:30',
    corrected: 'Tram strike on Friday: lines 2, 3 and 8 stop from 8:30 to 16:30',
    daysAgo: 40,
    hour: 7,
    views: 2100,
    reactions: { '👍': 64 },
    tags: ['mobility'],
  });
  return stories;
}

test.describe('analytics and the archive', () => {
  test.use({ onboarding: 'fresh' });
  let hub: TeamHub;
  test.beforeAll(async () => {
    hub = await startTeamHub({
      seed: async (h) => {
        await seedPublishedHistory(h, CHANNELS, history());
      },
    });
  });
  test.afterAll(async () => {
    await hub?.close();
  });

  test('charts for a seeded workspace; the archive finds an update WhatsApp forgot', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await page.getByTestId('onboarding-team').click();
    await page.getByTestId('hub-url').fill(hub.url);
    await page.getByTestId('hub-email').fill(hub.member('owner').email);
    await page.getByTestId('hub-password').fill(TEAM_PASSWORD);
    await page.getByTestId('hub-connect').click();
    await expect(page.getByTestId('sync-indicator-text')).toHaveText(/Synced/, {
      timeout: SYNC_TIMEOUT_MS,
    });
    await expect(page.getByTestId('channel-link')).toHaveCount(3);

    // Analytics over the last 90 days: totals, the three charts, the best and worst updates.
    await page.getByTestId('nav-analytics').click();
    await page.getByTestId('analytics-preset-90').click();
    const totals = page.getByTestId('analytics-totals');
    await expect(totals).toBeVisible();
    await expect(totals).toContainText('Posts');
    for (const chart of [
      'analytics-chart-posts',
      'analytics-chart-rate',
      'analytics-chart-hours',
    ]) {
      const figure = page.getByTestId(chart);
      await expect(figure).toBeVisible();
      // recharts draws real shapes: bars or a line path, not an empty frame.
      await expect(
        figure.locator('svg .recharts-rectangle, svg .recharts-line-curve').first(),
      ).toBeVisible();
    }
    await expect(page.getByTestId('analytics-best').getByRole('button')).not.toHaveCount(0);
    await expect(page.getByTestId('analytics-worst').getByRole('button')).not.toHaveCount(0);
    await expect(page.getByTestId('analytics-empty')).toHaveCount(0);
    await saveScreen(page, testInfo, 'analytics', 1300);
    await expectAccessible(page, testInfo, 'analytics');

    // The archive: the WhatsApp copy is past WhatsApp's 30 days, and still found here.
    await page.getByTestId('nav-archive').click();
    await page.getByTestId('archive-search').fill('tram strik');
    const hits = page.getByTestId('archive-results').getByTestId('archive-hit');
    await expect(hits).toHaveCount(2);
    const expired = hits.filter({ has: page.getByTestId('archive-expired') });
    await expect(expired).toHaveCount(1);
    await expect(expired).toContainText('Roma WhatsApp');
    await expect(expired.getByTestId('archive-expired')).toHaveText(/^Expired on WhatsApp/);
    await saveScreen(page, testInfo, 'archive-search');
    await expectAccessible(page, testInfo, 'archive-search');

    // Opening it shows exactly what went out, then the correction.
    await expired.click();
    const versions = page.getByTestId('archive-versions').getByTestId('archive-version');
    await expect(versions).toHaveCount(2);
    await expect(versions.nth(0)).toContainText('Published');
    await expect(versions.nth(0)).toContainText(
      'Tram strike on Friday: lines 2, 3 and 8 stop from 8:30',
    );
    await expect(versions.nth(0)).not.toContainText('16:30');
    await expect(versions.nth(1)).toContainText('Correction 1');
    await expect(versions.nth(1)).toContainText('16:30');
    await saveScreen(page, testInfo, 'archive-versions');
    await expectAccessible(page, testInfo, 'archive-versions');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('archive-versions')).toHaveCount(0);
  });
});
