// How the desk looks: every main screen at 200% zoom (no sideways scrolling, the sidebar and the
// screen's own main action still reachable), and the same screens kept as pictures in the light
// theme, the dark one and in Italian, each checked by axe on the way.
import type { Locator, Page, TestInfo } from '@playwright/test';
import { DateTime } from 'luxon';
import { expectAccessible } from './a11y';
import { expect, test } from './desk-fixture';
import { ALL_WEEKDAYS, createChannel, expectSaved, newUpdateOn, saveScreen } from './desk-steps';

const ROME = 'Europe/Rome';
const CHANNEL = 'Roma Breaking';
const STORIES = [
  'Metro A closed between Termini and Flaminio until 14:00 for a signal fault',
  'Storm warning for the coast tonight: the beaches close at 18:00',
  'Council approves the budget for the new bridge over the Tiber',
];
/** 1440×900 at 200% zoom: half the CSS pixels, each drawn twice as large. */
const ZOOMED = { width: 720, height: 450 };

interface Screen {
  name: string;
  /** Opens the screen from anywhere in the workspace and waits until it shows. */
  open(page: Page): Promise<void>;
  /** The screen's own main action, which must stay reachable. */
  primary(page: Page): Locator;
  /** Boxes of text that must keep a readable width in a narrow window (each one matched). */
  readable?: (page: Page) => Locator;
}

/** Narrower than this, a box of text breaks its words letter by letter. */
const READABLE_PX = 140;

async function openSection(page: Page, nav: string, view: string): Promise<void> {
  await page.getByTestId(`nav-${nav}`).click();
  await expect(page.getByTestId(view)).toBeVisible();
}

/** Opens the scheduled update from the channel's timeline. */
async function openComposer(page: Page): Promise<void> {
  await page.getByTestId('channel-link').filter({ hasText: CHANNEL }).click();
  await page
    .getByTestId('timeline-list')
    .getByTestId('update-row')
    .filter({ hasText: 'Metro A' })
    .getByTestId('open-update')
    .click();
  await expect(page.getByTestId('composer').getByTestId('save-state')).toBeVisible();
}

const SCREENS: Screen[] = [
  {
    name: 'timeline',
    open: async (page) => {
      await page.getByTestId('channel-link').filter({ hasText: CHANNEL }).click();
      await expect(page.getByTestId('timeline-list').getByTestId('update-row')).toHaveCount(
        STORIES.length,
      );
    },
    primary: (page) => page.getByTestId('edit-channel'),
    readable: (page) => page.getByTestId('timeline-list').getByTestId('open-update'),
  },
  {
    name: 'composer',
    open: openComposer,
    primary: (page) =>
      page.getByTestId('composer').getByTestId('shared-panel').getByTestId('schedule-apply'),
  },
  {
    name: 'embargo-dialog',
    open: async (page) => {
      await openComposer(page);
      await page.getByTestId('composer').getByTestId('embargo-open').click();
      await expect(page.getByTestId('embargo-dialog')).toBeVisible();
    },
    primary: (page) => page.getByTestId('embargo-dialog').getByTestId('embargo-when'),
  },
  {
    name: 'channel-dialog',
    open: async (page) => {
      await page.getByTestId('channel-link').filter({ hasText: CHANNEL }).click();
      await page.getByTestId('edit-channel').click();
      await expect(page.getByTestId('channel-dialog')).toBeVisible();
    },
    primary: (page) => page.getByTestId('channel-dialog').getByTestId('channel-save'),
  },
  {
    name: 'week',
    open: (page) => openSection(page, 'week', 'week-view'),
    primary: (page) => page.getByTestId('week-next'),
    readable: (page) => page.getByTestId('week-day'),
  },
  {
    name: 'search',
    open: (page) => openSection(page, 'search', 'search-view'),
    primary: (page) => page.getByTestId('search-text'),
  },
  {
    name: 'inbox',
    open: (page) => openSection(page, 'inbox', 'inbox-view'),
    primary: (page) => page.getByTestId('inbox-view').getByRole('heading', { level: 1 }),
  },
  {
    name: 'analytics',
    open: (page) => openSection(page, 'analytics', 'analytics-view'),
    primary: (page) => page.getByTestId('analytics-preset-custom'),
  },
  {
    name: 'archive',
    open: (page) => openSection(page, 'archive', 'archive-view'),
    primary: (page) => page.getByTestId('archive-search'),
  },
  {
    name: 'transfer',
    open: (page) => openSection(page, 'transfer', 'transfer-view'),
    primary: (page) => page.getByTestId('export-start'),
  },
  {
    name: 'audit',
    open: (page) => openSection(page, 'audit', 'audit-view'),
    primary: (page) => page.getByTestId('audit-export'),
  },
  {
    name: 'trash',
    open: (page) => openSection(page, 'trash', 'trash-view'),
    primary: (page) => page.getByTestId('trash-view').getByRole('heading', { level: 1 }),
  },
  {
    name: 'settings',
    open: (page) => openSection(page, 'settings', 'settings-view'),
    primary: (page) => page.getByTestId('settings-language'),
  },
];

/** A channel with a week of slots and a few updates, one of them scheduled for tomorrow. */
async function seedDesk(page: Page): Promise<void> {
  await createChannel(page, {
    name: CHANNEL,
    platform: 'telegram',
    timeZone: ROME,
    language: 'it',
    slots: [{ time: '08:00', weekdays: ALL_WEEKDAYS }],
  });
  for (const [i, text] of STORIES.entries()) {
    const composer = await newUpdateOn(page, CHANNEL);
    await composer.getByTestId('shared-panel').getByTestId('composer-text').fill(text);
    await expectSaved(composer);
    if (i === 0) {
      const at = DateTime.now().setZone(ROME).plus({ days: 1 }).set({ hour: 9, minute: 30 });
      const schedule = composer.getByRole('group', { name: `Schedule for ${CHANNEL}` });
      await schedule.getByRole('radio', { name: 'At an exact time' }).check();
      await schedule.getByTestId('schedule-datetime').fill(at.toFormat("yyyy-MM-dd'T'HH:mm"));
      await schedule.getByTestId('schedule-apply').click();
      await expect(schedule.getByTestId('schedule-current')).toHaveText(/^Scheduled for .*09:30/);
      await expectSaved(composer);
    }
    await composer.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(composer).toBeHidden();
  }
}

/** Closes every open dialog, the innermost first, with Esc as a keyboard user would. */
async function closeDialogs(page: Page): Promise<void> {
  const open = page.locator('dialog[open]');
  for (let n = await open.count(); n > 0; n = await open.count()) {
    await page.keyboard.press('Escape');
    await expect.poll(() => open.count()).toBeLessThan(n);
  }
}

/** The page never scrolls sideways: what does not fit wraps or scrolls inside its own pane. */
async function expectNoSidewaysScroll(page: Page, screen: string): Promise<void> {
  // A string: this file is typed for Node, the expression runs in the page.
  const size = await page.evaluate<{ scrollWidth: number; clientWidth: number }>(
    `(() => {
      const root = document.scrollingElement ?? document.documentElement;
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
    })()`,
  );
  expect(size.scrollWidth, `${screen} scrolls sideways`).toBeLessThanOrEqual(size.clientWidth);
}

/** A part lies wholly inside its box: nothing of it is cut off or spills over. */
async function expectWhole(part: Locator, box: Locator, what: string): Promise<void> {
  const inner = await part.boundingBox();
  const outer = await box.boundingBox();
  expect(inner && outer, `${what}: both are shown`).toBeTruthy();
  expect(inner!.x, `${what}: left edge`).toBeGreaterThanOrEqual(outer!.x);
  expect(inner!.x + inner!.width, `${what}: right edge`).toBeLessThanOrEqual(
    outer!.x + outer!.width,
  );
}

/** Scrolls a control into view the way a user would and checks it is there to be used. */
async function expectReachable(control: Locator, what: string): Promise<void> {
  await control.scrollIntoViewIfNeeded();
  await expect(control, `${what} is on screen`).toBeInViewport();
  const box = await control.boundingBox();
  expect(box, `${what} has a size`).not.toBeNull();
  const viewport = control.page().viewportSize()!;
  expect(box!.x, `${what} starts inside the window`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what} ends inside the window`).toBeLessThanOrEqual(
    viewport.width + 1,
  );
}

async function visitAll(
  page: Page,
  testInfo: TestInfo,
  suffix: string,
  check: (screen: Screen) => Promise<void>,
): Promise<void> {
  for (const screen of SCREENS) {
    await screen.open(page);
    await check(screen);
    await saveScreen(page, testInfo, `${screen.name}${suffix}`);
    await closeDialogs(page);
  }
}

test.describe('at 200% zoom', () => {
  // Each CSS pixel drawn as two, as the browser does at 200%: the pictures show it as seen.
  test.use({ deviceScaleFactor: 2 });

  test('every screen fits the window and keeps the sidebar and its main action', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await seedDesk(page);
    await page.setViewportSize(ZOOMED);
    await visitAll(page, testInfo, '-zoom', async (screen) => {
      await expectNoSidewaysScroll(page, screen.name);
      await expectReachable(screen.primary(page), `${screen.name}: its main action`);
      for (const box of (await screen.readable?.(page).all()) ?? []) {
        const width = (await box.boundingBox())?.width ?? 0;
        expect(
          width,
          `${screen.name}: "${await box.innerText()}" is wide enough to read`,
        ).toBeGreaterThanOrEqual(READABLE_PX);
      }
      if (screen.name.endsWith('dialog') || screen.name === 'composer') return;
      await expectWhole(page.getByTestId('new-channel'), page.locator('.side'), 'New channel');
      await expectReachable(page.getByTestId('new-update'), `${screen.name}: New update`);
      await expectReachable(page.getByTestId('nav-settings'), `${screen.name}: the last nav item`);
    });
  });
});

test('the main screens in light, dark and Italian, each accessible', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await seedDesk(page);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await visitAll(page, testInfo, `-${scheme}`, async (screen) => {
      await expectAccessible(page, testInfo, `${screen.name}-${scheme}`, [scheme]);
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await openSection(page, 'settings', 'settings-view');
  await page.getByTestId('settings-language').selectOption('it');
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await expect(page.getByTestId('nav-timeline')).toHaveText('Palinsesto');
  await visitAll(page, testInfo, '-it', async (screen) => {
    await expectAccessible(page, testInfo, `${screen.name}-it`, ['light']);
  });
});
