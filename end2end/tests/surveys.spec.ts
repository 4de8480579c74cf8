import { test, expect, type Browser } from '@playwright/test';
import { hydrated, signIn } from './helpers';

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test('the practitioner answers the open survey and the learning lead sees the results move', async ({ browser }) => {
  test.setTimeout(120_000);
  const lead = await signedIn(browser, 'learning.lead@demo.test');
  await lead.goto('/surveys/annual_staff_4/results');
  await hydrated(lead);
  const responses = lead.locator('dl.facts dd').nth(1);
  const before = Number((await responses.innerText()).split(' ')[0]);
  // The headline measures, each with its definition.
  await expect(lead.getByRole('heading', { name: 'Training impact rate' })).toBeVisible();
  await expect(lead.getByRole('heading', { name: 'Recommendation rate' })).toBeVisible();
  await expect(lead.getByRole('heading', { name: 'eNPS', exact: true })).toBeVisible();
  await lead.getByText('How it is worked out').first().click();
  await expect(lead.getByText('agree or strongly agree that learning made a difference')).toBeVisible();

  const priya = await signedIn(browser, 'practitioner@demo.test');
  await priya.goto('/surveys');
  await hydrated(priya);
  await priya.getByRole('link', { name: 'Annual staff survey' }).click();
  await expect(priya.getByRole('heading', { level: 1, name: 'Annual staff survey' })).toBeVisible();
  await hydrated(priya);
  // Sending nothing names each required question.
  await priya.getByRole('button', { name: 'Send my answers' }).click();
  const impact = priya.getByRole('group', { name: /made a difference to my practice/ });
  await expect(impact.getByText('Choose an answer: this question is required.')).toBeVisible();
  // Keyboard alone: focus a radio and choose with the arrow keys.
  await impact.getByLabel('Strongly disagree').focus();
  await priya.keyboard.press('ArrowRight');
  await priya.keyboard.press('ArrowRight');
  await priya.keyboard.press('ArrowRight');
  await priya.keyboard.press('ArrowRight');
  await expect(impact.getByLabel('Strongly agree')).toBeChecked();
  await priya.getByRole('group', { name: /recommend the council to other social workers/ }).getByLabel('Yes').check();
  await priya.getByRole('group', { name: /How likely are you to recommend/ }).getByLabel('10', { exact: true }).check();
  await priya.getByRole('group', { name: /kinds of learning helped you most/ }).getByLabel('Group supervision').check();
  await priya.getByLabel('What one thing would most improve learning and development here?').fill('Keep the academy going.');
  await priya.getByRole('button', { name: 'Send my answers' }).click();
  await expect(priya.getByRole('status').filter({ hasText: 'your answers are saved' })).toBeVisible();
  await expect(priya.getByText('You have answered this survey. Thank you.')).toBeVisible();
  await expect(priya.getByRole('button', { name: 'Send my answers' })).toHaveCount(0);

  await lead.reload();
  await hydrated(lead);
  await expect(lead.locator('dl.facts dd').nth(1)).toHaveText(new RegExp(`^${before + 1} of `));
});

test("a small team's breakdown is suppressed", async ({ page }) => {
  await signIn(page, 'learning.lead@demo.test');
  await page.goto('/surveys/annual_staff_3/results?by=team');
  await hydrated(page);
  const fostering = page.getByRole('row', { name: /^Fostering/ });
  await expect(fostering).toContainText('Hidden: fewer than 5 responses');
  // A team big enough shows its rates.
  await expect(page.getByRole('row', { name: /^Locality North/ })).toContainText('%');
  // Asking for the team directly shows nothing but the notice.
  await page.goto('/surveys/annual_staff_3/results?dimension=team&segment=demo_fostering');
  await hydrated(page);
  await expect(page.locator('.suppressed').first()).toContainText('hidden to protect anonymity');
  await expect(page.getByRole('heading', { name: 'Training impact rate' })).toHaveCount(0);
});

test('a learning lead builds a survey from a template, previews and publishes it', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'learning.lead@demo.test');
  await page.goto('/surveys/manage');
  await hydrated(page);
  await page.getByLabel('Health check').check();
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('status')).toContainText('Draft created');
  await hydrated(page);
  await page.getByLabel('Title').fill('Winter health check');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Winter health check' })).toBeVisible();
  await page.getByLabel('Kind of question').selectOption('yes_no');
  await page.getByLabel('Question', { exact: true }).fill('Did you take a proper lunch break most days?');
  await page.getByRole('button', { name: 'Add question' }).click();
  await expect(page.getByRole('status')).toContainText('Question added');
  await expect(page.getByText('Did you take a proper lunch break most days?')).toBeVisible();
  await page.getByRole('button', { name: 'Move up: Did you take a proper lunch break most days?' }).click();
  await expect(page.getByRole('status')).toContainText('Question moved');
  await page.getByLabel('Chosen teams or services').check();
  await page.getByLabel('Locality North').check();
  await page.getByLabel('Minimum group size for results').fill('2');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Results need at least 3 people in a group to stay anonymous.')).toBeVisible();
  await page.getByLabel('Minimum group size for results').fill('5');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('status')).toContainText('Published');
  // Locality North's people (other journeys may add one).
  await expect(page.getByText(/people invited/)).toContainText(/Teams: Locality North, .* [0-9]+ people invited/);
  await page.getByRole('link', { name: 'Preview as a respondent' }).click();
  await expect(page.getByText('Preview: this is what people see.')).toBeVisible();
  await expect(page.getByRole('group', { name: /proper lunch break/ })).toBeVisible();
});
