// A damaged snapshot is set aside, the editor is told, and the work comes back from the journal.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { expect, test } from './desk-fixture';
import { expectAccessible } from './a11y';
import { createChannel, expectSaved, newUpdateOn, saveScreen } from './desk-steps';

const TEXT = 'Incidente sul **GRA**: code di 5 km verso Firenze';
const TITLE = 'Incidente sul GRA: code di 5 km verso Firenze';
const GARBAGE = '{"format":"channel-desk/shard", this is not JSON \u0000\u00ff';

/** Snapshot files, by name, whose content mentions `needle`. */
async function snapshotsMentioning(dir: string, needle: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
  const hits: string[] = [];
  for (const name of names) {
    if ((await readFile(join(dir, name), 'utf8')).includes(needle)) hits.push(name);
  }
  return hits;
}

for (const damaged of ['updates', 'channels'] as const) {
  test(`a damaged ${damaged} snapshot is set aside and everything comes back`, async ({
    page,
    desk,
  }, testInfo) => {
    await createChannel(page, {
      name: 'Roma Traffico',
      platform: 'telegram',
      timeZone: 'Europe/Rome',
      slots: [{ time: '07:00', weekdays: [1, 2, 3, 4, 5] }],
    });
    const composer = await newUpdateOn(page, 'Roma Traffico');
    await composer.getByTestId('shared-panel').getByTestId('composer-text').fill(TEXT);
    await expectSaved(composer);
    await composer.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(page.getByTestId('update-row')).toHaveCount(1);

    // A clean stop writes the snapshots; damage the one that holds the update (or the channel).
    await desk.stop();
    const snapshotsDir = join(desk.dataDir, 'store', 'snapshots');
    const needle = damaged === 'updates' ? 'verso Firenze' : 'Roma Traffico';
    const [victim, ...others] = await snapshotsMentioning(snapshotsDir, needle);
    expect(victim, `a snapshot holding "${needle}" in ${snapshotsDir}`).toBeTruthy();
    expect(others).toEqual([]);
    await writeFile(join(snapshotsDir, victim!), GARBAGE);

    await page.goto(await desk.start());
    const banner = page.getByTestId('store-problem-banner');
    await expect(banner).toBeVisible();
    const quarantineDir = join(desk.dataDir, 'store', 'quarantine');
    await expect(banner).toContainText(`A damaged file was set aside at ${quarantineDir}`);
    await expect(banner).toContainText(victim!);
    await saveScreen(page, testInfo, `recovery-${damaged}`);
    await expectAccessible(page, testInfo, `recovery-${damaged}`);

    // Nothing is lost: the channel, its slots, the update and its formatting.
    const link = page.getByTestId('channel-link');
    await expect(link).toHaveCount(1);
    await expect(link).toHaveText(/Roma Traffico/);
    const row = page.getByTestId('timeline-list').getByTestId('update-row');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('open-update')).toHaveText(TITLE);
    await row.getByTestId('open-update').click();
    await expect(
      page.getByTestId('composer').getByTestId('shared-panel').getByTestId('composer-text'),
    ).toHaveValue(TEXT);
    await page.getByTestId('composer').getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByTestId('edit-channel').click();
    await expect(page.getByTestId('slot-list')).toContainText('Monday 07:00');
    await page.getByTestId('channel-dialog').getByRole('button', { name: 'Cancel' }).click();

    // The damaged file was moved, not deleted, and kept as it was.
    const aside = (await readdir(quarantineDir)).filter((n) => n.endsWith(`-${victim}`));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(quarantineDir, aside[0]!), 'utf8')).toBe(GARBAGE);
    await expect(banner).toContainText(basename(aside[0]!));

    // Dismissed, it stays away; the repaired store opens clean next time.
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect(banner).toHaveCount(0);
    await page.goto(await desk.restart());
    await expect(page.getByTestId('update-row')).toHaveCount(1);
    await expect(page.getByTestId('store-problem-banner')).toHaveCount(0);
  });
}
