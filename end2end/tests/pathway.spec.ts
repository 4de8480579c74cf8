import { expect, test } from '@playwright/test';
import { expectAccessible, hydrated, mainNav, signIn, signOut } from './helpers';

// These journeys change the shared demo council, so they run one after another.
test.describe.configure({ mode: 'serial' });

const criterion = 'sw_professional_leadership_1';

test('the practitioner adds evidence, the supervisor signs it off, readiness goes up', async ({ page }) => {
  await signIn(page, 'practitioner@demo.test');
  await mainNav(page).getByRole('link', { name: 'My pathway' }).click();
  await expect(page.getByRole('heading', { name: 'My pathway', level: 1 })).toBeVisible();
  const summary = page.locator('#readiness-summary');
  const before = Number((await summary.textContent())!.match(/^(\d+) of/)![1]);
  await expect(page.getByRole('table', { name: 'Criteria in each domain by status' })).toBeVisible();
  await expectAccessible(page);

  // Add evidence, finding the criterion with the picker's search.
  await page.goto('/evidence/new');
  await hydrated(page);
  await page.getByLabel('Kind of evidence').selectOption('reflection');
  await page.getByLabel('Title', { exact: true }).fill('Leading a learning circle on neglect');
  await page.getByLabel('Date', { exact: true }).fill('2026-11-02');
  await page.getByLabel('What happened?').fill('I led a learning circle for my team on recognising neglect.');
  const box = page.locator(`#criterion-${criterion}`);
  const statement = (await page.locator(`label[for="criterion-${criterion}"]`).textContent())!;
  const words = statement.replace('Professional Leadership', '').trim().split(/\s+/).slice(0, 3).join(' ');
  await page.getByLabel('Find criteria').fill(words);
  await expect(box).toBeVisible();
  await box.check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save evidence' }).click();
  await expect(page).toHaveURL(/\/evidence\?done=saved/);
  await expect(page.getByRole('status').first()).toContainText('Evidence saved.');
  await expect(page.getByRole('link', { name: 'Leading a learning circle on neglect' })).toBeVisible();

  // Send it for sign-off.
  await page.goto('/pathway');
  await hydrated(page);
  await page.locator(`#send-${criterion}`).check();
  await page.getByLabel('A note for your supervisor (optional)').fill('Ready for you to look at.');
  await page.getByRole('button', { name: 'Send for sign-off' }).click();
  await expect(page.getByText('Sent 1 criterion to your supervisor for sign-off.')).toBeVisible();
  await signOut(page);

  // The supervisor reads it and signs it off.
  await signIn(page, 'supervisor@demo.test');
  await expect(page.locator('.notifications-link .badge')).toBeVisible();
  await mainNav(page).getByRole('link', { name: 'Reviews' }).click();
  await expect(page.getByRole('heading', { name: 'Reviews', level: 1 })).toBeVisible();
  await hydrated(page);
  const card = page.locator('li.queue-item', { hasText: 'Leading a learning circle on neglect' });
  await expect(card).toContainText('Ready for you to look at.');
  await expectAccessible(page);
  await card.getByLabel('Sign off').check();
  await card.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByText('Decision recorded. They have been notified.')).toBeVisible();
  // The decided card is gone, so keyboard focus moves to the confirmation, not the page top.
  await expect(page.locator('#reviews-done')).toBeFocused();
  await expect(page.locator('li.queue-item', { hasText: 'Leading a learning circle on neglect' })).toHaveCount(0);
  await signOut(page);

  // The practitioner's readiness has gone up, and the history shows who signed it off.
  await signIn(page, 'practitioner@demo.test');
  await page.goto('/pathway');
  await hydrated(page);
  await expect(summary).toContainText(`${before + 1} of 27 criteria signed off`);
  await page.goto('/notifications');
  await expect(page.getByText(/Daniel Okafor signed off/)).toBeVisible();
});

test('returning needs a comment, and the comment reaches the practitioner', async ({ page }) => {
  await signIn(page, 'supervisor@demo.test');
  await page.goto('/reviews');
  await hydrated(page);
  const card = page.locator('li.queue-item', { hasText: 'Priya Shah' }).first();
  await card.getByLabel('Return with a comment').check();
  await card.getByRole('button', { name: 'Record decision' }).click();
  await expect(card.getByText('Say what needs to change, so they know what to do next.')).toBeVisible();
  await card.getByLabel('Comment', { exact: true }).fill('Add how you involved the child in the plan.');
  await card.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByText('Decision recorded. They have been notified.')).toBeVisible();
  await signOut(page);

  await signIn(page, 'practitioner@demo.test');
  await page.goto('/pathway');
  await expect(page.getByText('Add how you involved the child in the plan.')).toBeAttached();
});

test('the supervisor reads a supervisee pathway without their private evidence', async ({ page }) => {
  await signIn(page, 'supervisor@demo.test');
  await page.goto('/team');
  await page.getByRole('link', { name: 'Priya Shah' }).click();
  await expect(page.getByRole('heading', { name: 'Priya Shah’s pathway' })).toBeVisible();
  await expect(page.getByText('Supervision notes on workload and wellbeing')).toHaveCount(0);
  await expectAccessible(page);
});

test('an admin publishes a new version of the pathway', async ({ page }) => {
  await signIn(page, 'admin@demo.test');
  await mainNav(page).getByRole('link', { name: 'Frameworks' }).click();
  await page.getByRole('link', { name: 'Demo Borough social work career pathway' }).first().click();
  await expect(page.getByRole('heading', { name: /version 1/ })).toBeVisible();
  await hydrated(page);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Start a new version' }).click();
  await expect(page.getByRole('heading', { name: /version 2/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'This is a draft' })).toBeVisible();

  await page.getByLabel('Domain').selectOption({ label: 'Knowledge' });
  await page.getByLabel('Level').selectOption({ label: 'Advanced Practitioner' });
  await page.getByLabel('Statement').first().fill('Brings current research on neglect into team case discussions.');
  await page.getByRole('button', { name: 'Add criterion' }).click();
  await expect(page.getByText('Criterion added to the draft.')).toBeVisible();
  await expect(
    page.locator('.criterion-statement', { hasText: 'Brings current research on neglect into team case discussions.' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Publish this version' }).click();
  await expect(page.getByText('Published. This version is now in force.')).toBeVisible();
  await page.goto('/frameworks');
  const rows = page.getByRole('row', { name: /Demo Borough social work career pathway/ });
  await expect(rows.filter({ hasText: 'Published' })).toContainText('2');
  await expect(rows.filter({ hasText: 'Superseded' })).toContainText('1');
});

test.describe('before the wasm loads', () => {
  test.use({ javaScriptEnabled: false });

  test('a practitioner can still add evidence with a plain form', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill('practitioner@demo.test');
    await page.getByLabel('Password').fill('pathway-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await page.goto('/evidence/new');
    await page.getByLabel('Kind of evidence').selectOption('feedback');
    await page.getByLabel('Title', { exact: true }).fill('Feedback from a foster carer');
    await page.getByLabel('Date', { exact: true }).fill('2026-11-05');
    await page.locator('#criterion-sw_values_ethics_2').check();
    await page.getByRole('button', { name: 'Save evidence' }).click();
    await expect(page).toHaveURL(/\/evidence\?done=saved/);
    await expect(page.getByRole('link', { name: 'Feedback from a foster carer' })).toBeVisible();
  });
});
