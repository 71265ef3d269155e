// Accessibility checks for the journeys: axe-core on the screen the editor is looking at, in the
// light and the dark theme (the desk follows the system's), failing on what blocks people.
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect } from '@playwright/test';

/** The rules that apply: WCAG 2.1 A and AA, plus axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
/** Impacts that fail a journey; `minor` and `moderate` findings stay in the attached report. */
const BLOCKING = new Set(['serious', 'critical']);

/** What one axe run may take on a slow machine (a long composer takes a few seconds). */
const AXE_TIME_PER_SCHEME_MS = 15_000;

export type ColourScheme = 'light' | 'dark';

export interface AxeFinding {
  scheme: ColourScheme;
  rule: string;
  impact: string;
  help: string;
  helpUrl: string;
  targets: string[];
  summaries: string[];
}

async function currentScheme(page: Page): Promise<ColourScheme> {
  // A string: this file is typed for Node, the expression runs in the page.
  const dark = await page.evaluate<boolean>("matchMedia('(prefers-color-scheme: dark)').matches");
  return dark ? 'dark' : 'light';
}

/**
 * Runs axe on the current page in each colour scheme (light and dark unless told), attaches the
 * full results as `axe-<name>.json` and returns every serious or critical violation. The page is
 * left in the scheme it was in.
 */
export async function axeFindings(
  page: Page,
  testInfo: TestInfo,
  name: string,
  schemes: ColourScheme[] = ['light', 'dark'],
): Promise<AxeFinding[]> {
  // The check is not part of the journey's own pace: it brings its own time.
  testInfo.setTimeout(testInfo.timeout + AXE_TIME_PER_SCHEME_MS * schemes.length);
  const before = await currentScheme(page);
  const findings: AxeFinding[] = [];
  const reports: Record<string, unknown> = {};
  try {
    for (const scheme of schemes) {
      await page.emulateMedia({ colorScheme: scheme });
      // Legacy mode runs axe inside the page itself: the desk has no frames to cross, and the
      // default mode needs a page it can open beside this one, which a page made with
      // browser.newPage() (a second editor's desk) cannot give.
      const results = await new AxeBuilder({ page })
        .withTags(AXE_TAGS)
        .setLegacyMode(true)
        .analyze();
      reports[scheme] = results;
      for (const v of results.violations) {
        if (!v.impact || !BLOCKING.has(v.impact)) continue;
        findings.push({
          scheme,
          rule: v.id,
          impact: v.impact,
          help: v.help,
          helpUrl: v.helpUrl,
          targets: v.nodes.map((n) => n.target.join(' ')),
          summaries: v.nodes.map((n) => n.failureSummary ?? ''),
        });
      }
    }
  } finally {
    await page.emulateMedia({ colorScheme: before });
  }
  await testInfo.attach(`axe-${name}.json`, {
    body: JSON.stringify(reports, null, 2),
    contentType: 'application/json',
  });
  return findings;
}

/** Plain words for a list of findings: rule, impact, where, and where to read about it. */
export function describeFindings(findings: AxeFinding[]): string {
  return findings
    .map((f) => {
      const where = f.targets.map((t, i) => `    ${t}\n      ${f.summaries[i] ?? ''}`);
      return `[${f.scheme}] ${f.rule} (${f.impact}): ${f.help}\n  ${f.helpUrl}\n${where.join('\n')}`;
    })
    .join('\n');
}

/**
 * Fails the test when the screen on show has a serious or critical accessibility violation, in
 * either theme; the full axe results are attached to the test whatever the outcome.
 */
export async function expectAccessible(
  page: Page,
  testInfo: TestInfo,
  name: string,
  schemes?: ColourScheme[],
): Promise<void> {
  const findings = await axeFindings(page, testInfo, name, schemes);
  expect
    .soft(findings.length, `accessibility of "${name}":\n${describeFindings(findings)}`)
    .toBe(0);
}
