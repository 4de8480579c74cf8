import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expectAccessible, hydrated, mainNav, signIn } from './helpers';

test('the leader reads workforce stability, narrows it to a service and downloads the table', async ({ page }) => {
  await signIn(page, 'leader@demo.test');
  await mainNav(page).getByRole('link', { name: 'Insight' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Insight' })).toBeVisible();
  await page.getByRole('link', { name: 'Workforce stability in detail' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Workforce stability' })).toBeVisible();
  await hydrated(page);
  const measures = page.getByTestId('workforce-measures');
  await expect(measures.getByRole('heading', { name: 'Vacancy rate' })).toBeVisible();
  // Each measure is read against the published figures.
  await expect(measures.getByText('England 2023 18.9%')).toBeVisible();
  await expect(page.getByRole('img', { name: /Vacancy, agency and turnover rates/ })).toBeVisible();
  const breakdown = page.getByTestId('workforce-breakdown');
  await expect(breakdown.getByRole('rowheader', { name: 'Demo Borough Council' })).toBeVisible();
  await expect(breakdown.getByRole('rowheader', { name: 'Duty and Advice' })).toBeVisible();

  await page.getByLabel('Service', { exact: true }).selectOption({ label: 'Localities' });
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/service=demo_localities/);
  await expect(breakdown.getByRole('rowheader')).toHaveText(['Localities', 'Locality North', 'Locality South']);
  await expect(page.locator('.lede')).toContainText(/^Localities, /);
  await expectAccessible(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the breakdown (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^workforce-breakdown-\d{4}-Q\d-demo_localities\.csv$/);
  const text = await readFile(await file.path(), 'utf8');
  const lines = text.trim().split('\n');
  expect(lines[0]).toContain('Service or team');
  expect(lines).toHaveLength(4);
  expect(lines[2]).toContain('Locality North');
});

test('an admin checks a staff file, sees what it would do, and applies it', async ({ page }) => {
  await signIn(page, 'admin@demo.test');
  await mainNav(page).getByRole('link', { name: 'Imports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import from CSV' })).toBeVisible();
  const csv = [
    'email,name,career_level,roles,team,line_manager_email,job_title,start_date',
    'e2e.manager@demo.test,Esme Manager,team_manager,supervisor;practitioner,Duty and Advice,,Team Manager,2025-04-01',
    'e2e.worker@demo.test,Ezra Worker,social_worker,practitioner,Duty and Advice,e2e.manager@demo.test,Social Worker,01/09/2025',
    'e2e.broken@demo.test,Eli Broken,wizard,practitioner,Atlantis,,,',
  ].join('\n');
  const staff = page.getByTestId('upload-staff');
  await staff.getByLabel('CSV file').setInputFiles({ name: 'staff.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await staff.getByRole('button', { name: 'Upload and check' }).click();

  // The dry run refuses the bad row with its reasons, and offers nothing to apply.
  await expect(page.getByRole('heading', { level: 1, name: 'Check an import' })).toBeVisible();
  await expect(page.getByTestId('import-status')).toContainText('1 rows are refused');
  const rows = page.getByTestId('import-rows');
  await expect(rows.getByText('"wizard" is not a level on the pathway')).toBeVisible();
  await expect(rows.getByText('there is no team called "Atlantis"')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Apply/ })).toHaveCount(0);
  await expectAccessible(page);

  // The corrected file applies whole.
  await page.getByRole('link', { name: 'Back to imports' }).click();
  const fixed = csv.split('\n').slice(0, 3).join('\n');
  await page.getByTestId('upload-staff').getByLabel('CSV file').setInputFiles({ name: 'staff.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
  await page.getByTestId('upload-staff').getByRole('button', { name: 'Upload and check' }).click();
  await expect(page.getByTestId('import-status')).toContainText('Every row is accepted');
  await expect(page.getByTestId('import-tally')).toContainText('2 to create');
  await hydrated(page);
  await page.getByRole('button', { name: 'Apply: create 2 and change 0' }).click();
  await expect(page.getByTestId('import-status')).toContainText('2 created, 0 changed, 0 unchanged');

  await page.goto('/admin/people?q=e2e');
  await expect(page.getByRole('link', { name: 'Ezra Worker' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Esme Manager' })).toBeVisible();
});

test('the leader reads the five monitoring areas, narrows them to a service and downloads the figures', async ({ page }) => {
  await signIn(page, 'leader@demo.test');
  await mainNav(page).getByRole('link', { name: 'Insight' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Insight' })).toBeVisible();
  await hydrated(page);
  for (const area of ['Manageable caseloads', 'Recording data', 'Quality and learning', 'Workforce recruitment and retention', 'Quality of frontline practice']) {
    await expect(page.getByRole('heading', { level: 3, name: area })).toBeVisible();
  }
  await expect(page.getByTestId('area-learning').getByText('Training impact rate')).toBeVisible();
  await expect(page.getByTestId('figures-as-of')).toContainText(/Worked out at \d{1,2} \w{3} \d{4}, \d{2}:\d{2}/);
  await expect(page.getByRole('img', { name: /Readiness for the next step/ })).toBeVisible();

  await page.getByLabel('Service', { exact: true }).selectOption({ label: 'Fostering and Permanence' });
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/service=demo_fostering_permanence/);
  // Four people answered in Fostering: too few, so no survey figure is shown for it.
  await expect(page.getByText('Survey figures are hidden for this group')).toBeVisible();
  await expect(page.getByTestId('area-learning').getByText('Training impact rate')).toHaveCount(0);
  await expectAccessible(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download every figure (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^insight-\d{4}-Q\d-demo_fostering_permanence\.csv$/);
  const text = await readFile(await file.path(), 'utf8');
  expect(text.split('\n')[0]).toBe('Section,Measure,Value,Note');
  expect(text).toContain('Staff survey,Hidden');
  expect(text).not.toContain('Training impact');
});

test('the learning lead sees the survey waves, events and resources', async ({ page }) => {
  await signIn(page, 'learning.lead@demo.test');
  await page.goto('/insight/learning');
  await expect(page.getByRole('heading', { level: 1, name: 'Learning and development' })).toBeVisible();
  await expect(page.getByTestId('survey-waves').getByRole('row')).toHaveCount(5);
  await expect(page.getByTestId('event-attendance').getByRole('link', { name: 'Chronologies and analysis workshop' })).toBeVisible();
  await expect(page.getByTestId('most-useful').getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByTestId('path-progress').getByText('NQSW: first 90 days')).toBeVisible();
  await expectAccessible(page);
});
