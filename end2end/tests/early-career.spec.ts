import { test, expect, type Page } from '@playwright/test';
import { expectAccessible, hydrated, mainNav, signIn } from './helpers';

/** Today as the date inputs take it. (UTC is at most an hour behind UK time: still not future.) */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function timelineItem(page: Page, label: string) {
  return page.getByTestId('timeline').locator('li').filter({ hasText: label });
}

test('an NQSW logs an observation and sees the timeline update', async ({ page }) => {
  await signIn(page, 'practitioner@demo.test');
  await mainNav(page).getByRole('link', { name: 'My ASYE' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My ASYE' })).toBeVisible();
  await hydrated(page);
  // Mid-ASYE: the 3-month review done, the 6-month review due soon, two observations.
  await expect(timelineItem(page, '3-month review')).toContainText('Done');
  await expect(timelineItem(page, '6-month review')).toContainText('Due soon');
  await expect(page.getByTestId('observation-count')).toContainText('2 of at least 3');
  await expect(timelineItem(page, 'Direct observation 3')).not.toContainText('Done');
  // She cannot record her own review outcome: there is no form for it.
  await expect(page.getByRole('button', { name: 'Record review' })).toHaveCount(0);

  // A missing reflection is reported on its field, and nothing is lost.
  await page.getByLabel('Date observed').fill(today());
  await page.getByLabel('Observer (name and role)').fill('Natalie Greaves, Advanced Practitioner');
  await page.getByRole('button', { name: 'Record observation' }).click();
  await expect(page.getByText('Write your reflection on the observation.')).toBeVisible();
  await expect(page.getByLabel('Observer (name and role)')).toHaveValue(
    'Natalie Greaves, Advanced Practitioner',
  );

  await page.getByLabel('Setting (optional)').fill('Core group meeting');
  await page
    .getByLabel('Reflection')
    .fill('I chaired the core group and kept the child at the centre of the plan.');
  await page.getByRole('button', { name: 'Record observation' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Observation recorded.' })).toBeVisible();
  await expect(page.getByTestId('observation-count')).toContainText('3 of at least 3');
  await expect(timelineItem(page, 'Direct observation 3')).toContainText('Done');
  await expect(page.getByText('I chaired the core group')).toBeVisible();
});

async function recordCpd(page: Page, title: string, peer: boolean) {
  await page.getByRole('link', { name: 'Record CPD' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Record CPD' })).toBeVisible();
  await hydrated(page);
  await page.getByLabel('Type of CPD').selectOption({ label: 'Course or training' });
  await page.getByLabel('Title').fill(title);
  await page
    .getByLabel('What was it, and why is it relevant to your practice?')
    .fill(`${title}: a day's course on my team's most common work.`);
  await page.getByLabel('Date', { exact: true }).fill(today());
  await page.getByLabel('What did you learn?').fill(`What ${title} taught me about assessment.`);
  await page
    .getByLabel('What positive impact has it had on your practice and the people you work with?')
    .fill(`Families get clearer plans since ${title}.`);
  if (peer) {
    await page.getByLabel('Who did you discuss it with?').fill('My practice supervisor');
    await page.getByLabel('When?').fill(today());
    await page
      .getByLabel('What did you learn from the discussion?')
      .fill('How to explain the plan to a parent who disagrees.');
  }
  await page.getByRole('button', { name: 'Save CPD record' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'CPD record saved.' })).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toBeVisible();
}

test('a practitioner records two CPD entries, one with peer reflection, and sees complete; the printable export shows every field', async ({
  page,
}) => {
  // The demo NQSW has one record this year, without peer reflection.
  await signIn(page, 'practitioner@demo.test');
  await mainNav(page).getByRole('link', { name: 'CPD' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My CPD' })).toBeVisible();
  await expect(page.getByTestId('cpd-records')).toHaveText('1 of 2 needed');
  await expect(page.getByTestId('cpd-state')).not.toHaveText('Complete');

  await recordCpd(page, 'Direct work with siblings', false);
  await expect(page.getByTestId('cpd-records')).toHaveText('2 (2 needed)');
  await expect(page.getByTestId('cpd-peer')).toHaveText('0 of 1 needed');
  await expect(page.getByTestId('cpd-state')).not.toHaveText('Complete');
  await recordCpd(page, 'Signs of Safety refresher', true);
  await expect(page.getByTestId('cpd-peer')).toHaveText('1 (1 needed)');
  await expect(page.getByTestId('cpd-state')).toHaveText('Complete');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Printable record for renewal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /CPD record: Priya Shah/ })).toBeVisible();
  const second = page.locator('article').filter({ hasText: 'Signs of Safety refresher' });
  for (const text of [
    'Type of CPD',
    'Course or training',
    'Description and why it is relevant',
    "Signs of Safety refresher: a day's course on my team's most common work.",
    'What I learnt',
    'What Signs of Safety refresher taught me about assessment.',
    'The impact on my practice and the people I work with',
    'Families get clearer plans since Signs of Safety refresher.',
    'Peer reflection: with whom',
    'My practice supervisor',
    'Peer reflection: when',
    'Peer reflection: what I learnt from the discussion',
    'How to explain the plan to a parent who disagrees.',
  ]) {
    await expect(second.getByText(text, { exact: true })).toBeVisible();
  }
  await expectAccessible(page);
  // Printed, the page is the records alone: no navigation, no buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(mainNav(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(second).toBeVisible();
});

test('a CPD record starts from a piece of evidence, prefilled', async ({ page }) => {
  await signIn(page, 'practitioner@demo.test');
  await page.goto('/evidence/demo_priya_0');
  await hydrated(page);
  const title = await page.getByRole('textbox', { name: 'Title' }).inputValue();
  await page.getByRole('link', { name: 'Make a CPD record from this evidence' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Record CPD' })).toBeVisible();
  await expect(page.getByText(/Started from your evidence/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(title);
});

test('supervision falling behind is flagged to the supervisor, and notes stay with the pair', async ({
  page,
}) => {
  await signIn(page, 'supervisor@demo.test');
  await mainNav(page).getByRole('link', { name: 'Supervision' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Supervision' })).toBeVisible();
  await hydrated(page);
  const oliver = page.getByRole('row').filter({ hasText: 'Oliver Brennan' });
  await expect(oliver).toContainText('Fortnightly');
  await expect(oliver).toContainText('Behind');

  await page.getByLabel('With').selectOption({ label: 'Oliver Brennan (I supervise)' });
  await page.getByLabel('Length in minutes').fill('75');
  await page.getByLabel('Kind').selectOption({ label: 'Reflective' });
  await page.getByLabel('Notes').fill('Reflected on Oliver’s first court statement.');
  await page.getByRole('button', { name: 'Record supervision' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Supervision recorded.' })).toBeVisible();
  await expect(oliver).toContainText('Up to date');
  await expect(page.getByText('Reflected on Oliver’s first court statement.')).toBeVisible();

  // The team page shows each supervisee's CPD status and supervision at a glance.
  await mainNav(page).getByRole('link', { name: 'My team' }).click();
  const natalie = page.getByRole('row').filter({ hasText: 'Natalie Greaves' });
  await expect(natalie).toContainText('Complete');
  await expect(natalie).toContainText('Behind');

  // From the team page to Oliver's ASYE, where his overdue 3-month review is recorded.
  await page
    .getByRole('row')
    .filter({ hasText: 'Oliver Brennan' })
    .getByRole('link', { name: 'ASYE programme' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'ASYE: Oliver Brennan' })).toBeVisible();
  await hydrated(page);
  await expect(timelineItem(page, '3-month review')).toContainText('Overdue');
  await page.getByLabel('Review', { exact: true }).selectOption({ label: '3-month review' });
  await page.getByLabel('Held on').fill(today());
  await page.getByLabel('Outcome').selectOption({ label: 'On track' });
  await page.getByLabel('Summary').fill('Settling in well; first assessments are thorough.');
  await page.getByRole('button', { name: 'Record review' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Review recorded.' })).toBeVisible();
  await expect(timelineItem(page, '3-month review')).toContainText('Done');
  await expectAccessible(page);
});

test('the coordinator filters the ASYE cohort by team and downloads it as CSV', async ({ page }) => {
  await signIn(page, 'learning.lead@demo.test');
  await mainNav(page).getByRole('link', { name: 'ASYE cohort' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ASYE cohort' })).toBeVisible();
  await hydrated(page);
  const rows = page.getByTestId('cohort').locator('tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(rows.filter({ hasText: 'Lucy Fairburn' })).toContainText('Start self-assessment');
  await page.getByLabel('Team').selectOption({ label: 'Locality South' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Liam Gallagher-Moss');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^asye-cohort-.*\.csv$/);
  const path = await file.path();
  const fs = await import('node:fs');
  const csv = fs.readFileSync(path, 'utf8');
  expect(csv.split('\n')[0]).toContain('Name,Team,Assessor');
  expect(csv).toContain('Liam Gallagher-Moss');
  expect(csv).not.toContain('Priya Shah');

  // The coordinator opens a programme and can record moderation only after a recommendation.
  await page.getByRole('link', { name: 'Liam Gallagher-Moss' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ASYE: Liam Gallagher-Moss' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record moderation' })).toHaveCount(0);
  await expectAccessible(page);
});
