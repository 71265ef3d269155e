// The review workflow through the real interface, two desks on one newsroom hub: the owner makes a
// channel that needs approval and reviews as its editor; a contributor writes a story and submits
// it; the editor finds it in the review inbox, sends it back with a note and a comment that
// mentions the contributor; the contributor sees both, edits and resubmits; the editor schedules
// it (held until approved), approves it, and the hold is gone. The contributor is never offered
// the editor's buttons.
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, launchDesk, test } from './desk-fixture';
import { expectAccessible } from './a11y';
import { expectSaved, fillChannelDialog, newUpdateOn, saveScreen } from './desk-steps';
import type { TeamHub } from './team-hub';
import { TEAM_PASSWORD, startTeamHub } from './team-hub';

const CHANNEL = { name: 'Council watch', platform: 'telegram', timeZone: 'Europe/Rome' } as const;
const FIRST_DRAFT = 'Council votes on the new cycle lanes tonight';
const SECOND_DRAFT =
  'Council votes on the new cycle lanes tonight at 19:00; the opposition asks for a delay.';
const NOTE = 'Give the time of the vote and what the opposition says.';
const SYNC_TIMEOUT_MS = 30_000;

/** The composer's text box on the shared tab. */
const textBox = (composer: Locator) =>
  composer.getByTestId('shared-panel').getByTestId('composer-text');

/** Waits until the desk says every change reached the hub. */
async function expectSynced(page: Page) {
  await expect(page.getByTestId('sync-indicator-text')).toHaveText(/Synced/, {
    timeout: SYNC_TIMEOUT_MS,
  });
}

/**
 * Opens the story from the review inbox's "waiting" list (the nav item shows how many wait),
 * saving the inbox as `screen` on the way when given.
 */
async function openFromInbox(
  page: Page,
  title: RegExp,
  screen?: { testInfo: TestInfo; name: string },
): Promise<Locator> {
  await expect(page.getByTestId('nav-inbox-badge')).toHaveText('1 waiting', {
    timeout: SYNC_TIMEOUT_MS,
  });
  await page.getByTestId('nav-inbox').click();
  const story = page
    .getByTestId('inbox-waiting')
    .getByTestId('inbox-story')
    .filter({ hasText: title });
  await expect(story).toHaveCount(1);
  await expect(story).toContainText(/Submitted by Carla Contributor/);
  await expect(story).toContainText(CHANNEL.name);
  if (screen) await saveScreen(page, screen.testInfo, screen.name);
  if (screen) await expectAccessible(page, screen.testInfo, screen.name);
  await story.getByRole('button').click();
  const composer = page.getByTestId('composer');
  await expect(composer).toBeVisible();
  return composer;
}

test.describe('review on a newsroom hub', () => {
  test.use({ onboarding: 'fresh' });
  let hub: TeamHub;
  test.beforeAll(async () => {
    hub = await startTeamHub();
  });
  test.afterAll(async () => {
    await hub?.close();
  });

  test('a contributor submits, an editor asks for changes, then approves and schedules', async ({
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(150_000);
    const contributorDesk = await launchDesk('fresh');
    try {
      // The owner signs in and makes a channel where copies need an editor's approval.
      await page.getByTestId('onboarding-team').click();
      await page.getByTestId('hub-url').fill(hub.url);
      await page.getByTestId('hub-email').fill(hub.member('owner').email);
      await page.getByTestId('hub-password').fill(TEAM_PASSWORD);
      await page.getByTestId('hub-connect').click();
      await expect(page.getByTestId('sync-indicator')).toBeVisible({ timeout: SYNC_TIMEOUT_MS });
      await page.getByTestId('new-channel').click();
      const dialog = await fillChannelDialog(page, CHANNEL);
      const approval = dialog.getByRole('checkbox', { name: 'Approval required' });
      await expect(approval).not.toBeChecked();
      await approval.check();
      await dialog.getByTestId('channel-save').click();
      await expect(dialog).toBeHidden();
      await expect(
        page.getByTestId('channel-link').filter({ hasText: CHANNEL.name }),
      ).toBeVisible();
      await expectSynced(page);

      // The contributor's desk, signed in to the same hub, receives the channel.
      await contributorDesk.invoke('connectHub', {
        url: hub.url,
        email: hub.member('contributor').email,
        password: TEAM_PASSWORD,
      });
      const writer = await browser.newPage();
      await writer.goto(contributorDesk.url);
      await expect(
        writer.getByTestId('channel-link').filter({ hasText: CHANNEL.name }),
      ).toBeVisible({ timeout: SYNC_TIMEOUT_MS });

      // The contributor writes the story: a draft, and no editor's buttons for them.
      const draft = await newUpdateOn(writer, CHANNEL.name);
      await textBox(draft).fill(FIRST_DRAFT);
      await expectSaved(draft);
      const strip = draft.getByTestId('workflow');
      await expect(strip.getByTestId('review-state')).toHaveText(
        'Draft — not submitted for review',
      );
      await expect(strip.getByTestId('review-approve')).toHaveCount(0);
      await expect(strip.getByTestId('review-request-changes')).toHaveCount(0);
      await strip.getByTestId('review-submit').click();
      await expect(strip.getByTestId('review-state')).toHaveText(
        /^In review — submitted by Carla Contributor/,
      );
      await expect(strip.getByTestId('review-submit')).toHaveCount(0);
      // Still no Approve once the story waits: a contributor cannot approve their own work.
      await expect(strip.getByTestId('review-approve')).toHaveCount(0);
      await expectSynced(writer);
      await saveScreen(writer, testInfo, 'review-contributor-in-review', 1100);

      // The editor finds it in the review inbox and asks for changes, with a note.
      await openFromInbox(page, /cycle lanes/, { testInfo, name: 'review-editor-inbox' });
      const review = page.getByTestId('composer').getByTestId('workflow');
      await expect(textBox(page.getByTestId('composer'))).toHaveValue(FIRST_DRAFT);
      await expect(review.getByTestId('review-state')).toHaveText(
        /^In review — submitted by Carla Contributor/,
      );
      await review.getByTestId('review-request-changes').click();
      const ask = page.getByTestId('review-dialog');
      await expect(ask).toBeVisible();
      // A request with no word on what to change cannot be sent.
      await expect(ask.getByTestId('review-send')).toBeDisabled();
      await ask.getByRole('textbox', { name: 'What should change?' }).fill(NOTE);
      await expect(ask.getByTestId('review-send')).toBeEnabled();
      await saveScreen(page, testInfo, 'review-dialog');
      await expectAccessible(page, testInfo, 'review-dialog');
      await ask.getByTestId('review-send').click();
      await expect(ask).toBeHidden();
      await expect(review.getByTestId('review-state')).toHaveText(
        /^Changes requested by Olga Owner/,
      );
      await expect(review.getByTestId('review-note')).toHaveText(NOTE);

      // …and a comment that mentions the contributor, picked from the @-list.
      const comments = page.getByTestId('comments-panel');
      const commentBox = comments.getByRole('combobox', { name: 'Add a comment' });
      await commentBox.pressSequentially('@Car');
      const picker = comments.getByRole('listbox', { name: 'Colleagues to mention' });
      await expect(picker.getByRole('option')).toHaveText(['Carla Contributor']);
      await commentBox.press('Enter');
      await expect(picker).toBeHidden();
      await commentBox.pressSequentially('the note above is all it needs.');
      await expect(commentBox).toHaveValue('@Carla Contributor the note above is all it needs.');
      await comments.getByTestId('comment-post').click();
      await expect(comments.getByTestId('comment')).toHaveCount(1);
      await expect(comments.getByTestId('comment')).toContainText(
        '@Carla Contributor the note above is all it needs.',
      );
      await expect(commentBox).toHaveValue('');
      await expectSynced(page);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('composer')).toBeHidden();

      // The contributor's open composer shows the request and the note, and offers to resubmit.
      await expect(strip.getByTestId('review-state')).toHaveText(
        /^Changes requested by Olga Owner/,
        { timeout: SYNC_TIMEOUT_MS },
      );
      await expect(strip.getByTestId('review-note')).toHaveText(NOTE);
      await expect(strip.getByTestId('review-approve')).toHaveCount(0);
      await saveScreen(writer, testInfo, 'review-changes-requested', 1100);

      // The mention waits in the contributor's inbox; the story is listed as sent back.
      await writer.keyboard.press('Escape');
      await expect(draft).toBeHidden();
      await writer.getByTestId('nav-inbox').click();
      const mention = writer.getByTestId('inbox-mentions').getByTestId('inbox-mention');
      await expect(mention).toHaveCount(1);
      await expect(mention).toContainText('Olga Owner mentioned you');
      await expect(mention).toContainText('the note above is all it needs.');
      await expect(writer.getByTestId('inbox-unread')).toHaveText('1 new');
      const sentBack = writer.getByTestId('inbox-sent-back').getByTestId('inbox-story');
      await expect(sentBack).toContainText(/Changes requested by Olga Owner/);
      await expect(sentBack).toContainText(NOTE);
      await saveScreen(writer, testInfo, 'review-contributor-inbox');
      await expectAccessible(writer, testInfo, 'review-contributor-inbox');

      // From the mention back to the story: the contributor edits and resubmits.
      await mention.getByRole('button').click();
      const again = writer.getByTestId('composer');
      await expect(textBox(again)).toHaveValue(FIRST_DRAFT);
      await expect(again.getByTestId('comments-panel').getByTestId('comment')).toContainText(
        'Olga Owner',
      );
      await textBox(again).fill(SECOND_DRAFT);
      await expectSaved(again);
      const strip2 = again.getByTestId('workflow');
      await strip2.getByTestId('review-submit').click();
      await expect(strip2.getByTestId('review-state')).toHaveText(
        /^In review — submitted by Carla Contributor/,
      );
      await expect(strip2.getByTestId('review-note')).toHaveCount(0);
      await expectSynced(writer);

      // The editor opens the new version, gives it a time (held: not approved yet), approves it.
      const final = await openFromInbox(page, /cycle lanes/);
      await expect(textBox(final)).toHaveValue(SECOND_DRAFT);
      const schedule = final.getByTestId('schedule-editor').first();
      await expect(schedule.getByTestId('schedule-current')).toHaveText('Draft — not scheduled.');
      await schedule.getByRole('radio', { name: 'At an exact time' }).check();
      await schedule.getByTestId('schedule-datetime').fill('2031-03-04T19:30');
      await schedule.getByTestId('schedule-apply').click();
      await expect(schedule.getByTestId('schedule-current')).toHaveText(/^Scheduled for /);
      const held = final.getByTestId('held-copies').getByTestId('held-copy');
      await expect(held).toHaveText(
        /Council watch needs an editor's approval: this copy \(.*19:30.*\) waits until it is approved\./,
      );
      await held.scrollIntoViewIfNeeded();
      await saveScreen(page, testInfo, 'review-held-for-approval', 1100);
      await expectAccessible(page, testInfo, 'review-held-for-approval');
      const approved = final.getByTestId('workflow');
      await approved.getByTestId('review-approve').click();
      await expect(approved.getByTestId('review-state')).toHaveText(/^Approved by Olga Owner/);
      await expect(final.getByTestId('held-copies')).toHaveCount(0);
      await expect(approved.getByTestId('review-approve')).toHaveCount(0);
      await expect(schedule.getByTestId('schedule-current')).toHaveText(/^Scheduled for .*19:30/);
      await expectSynced(page);
      // The hub took both: nothing refused, nothing left only on this desk.
      await expect(final.getByTestId('copy-refused')).toHaveCount(0);
      await expect(final.getByTestId('schedule-not-on-hub')).toHaveCount(0);
      await expect(page.getByTestId('nav-inbox-badge')).toHaveCount(0);
      await saveScreen(page, testInfo, 'review-approved-scheduled', 1100);

      // The contributor's desk shows it approved, at its time, with no hold.
      await expect(strip2.getByTestId('review-state')).toHaveText(/^Approved by Olga Owner/, {
        timeout: SYNC_TIMEOUT_MS,
      });
      await expect(again.getByTestId('held-copies')).toHaveCount(0);
      await expect(
        again.getByTestId('schedule-editor').first().getByTestId('schedule-current'),
      ).toHaveText(/^Scheduled for .*19:30/);
      await writer.close();
    } finally {
      await contributorDesk.close();
    }
  });
});
