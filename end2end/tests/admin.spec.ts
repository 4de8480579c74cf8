import { test, expect } from '@playwright/test';
import { expectAccessible, hydrated, signIn, signOut } from './helpers';

test('an admin creates a person who can then sign in', async ({ page }) => {
  const stamp = Date.now();
  const email = `new.starter.${stamp}@demo.test`;
  const password = 'willow harbour compass';

  await signIn(page, 'admin@demo.test');
  await expect(page.getByRole('heading', { name: 'Welcome, Tom' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Add a person' }).click();
  await expect(page.getByRole('heading', { name: 'Add a person' })).toBeVisible();
  await hydrated(page);
  await expectAccessible(page);

  // First, a form with problems: each field says what is wrong.
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByText('Enter the person\'s full name.')).toBeVisible();
  await expect(page.getByText('Choose at least one role.')).toBeVisible();
  await expect(page.getByLabel('Full name')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  await page.getByLabel('Full name').fill('Nadia Starter');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('checkbox', { name: 'Practitioner' }).check();
  await page.getByLabel('Career level').selectOption('social_worker');
  await page.getByLabel('Team (optional)').selectOption({ label: 'Localities / Locality North' });
  await page.getByLabel('Line manager (optional)').selectOption({ label: 'Daniel Okafor' });
  await page.getByLabel('First password').fill(password);
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { name: 'Nadia Starter' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Saved.');

  await signOut(page);
  await signIn(page, email, password);
  await expect(page.getByRole('heading', { name: 'Welcome, Nadia' })).toBeVisible();
  await expect(page.getByText('Locality North (Localities)')).toBeVisible();
  await expect(page.getByText('Daniel Okafor')).toBeVisible();
});

test('admins search people and page through them', async ({ page }) => {
  await signIn(page, 'admin@demo.test');
  await expect(page.getByRole('heading', { name: 'Welcome, Tom' })).toBeVisible();
  await page.goto('/admin/people');
  await hydrated(page);
  await expect(page.getByRole('status').filter({ hasText: 'people' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Search by name or email').fill('okafor');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/q=okafor/);
  await expect(page.getByRole('link', { name: 'Daniel Okafor' })).toBeVisible();
  await expect(page.getByText('1 person')).toBeVisible();
});

test('admins add a team inside a service', async ({ page }) => {
  const name = `Edge of Care ${Date.now()}`;
  await signIn(page, 'admin@demo.test');
  await expect(page.getByRole('heading', { name: 'Welcome, Tom' })).toBeVisible();
  await page.goto('/admin/teams');
  await hydrated(page);
  await expectAccessible(page);
  await page.getByLabel('Name', { exact: true }).last().fill(name);
  await page.getByLabel('Inside service').last().selectOption({ label: 'Children Looked After' });
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('rowheader', { name })).toBeVisible();
});

test('the supervisor sees their team and the practitioner in it', async ({ page }) => {
  await signIn(page, 'supervisor@demo.test');
  await expect(page.getByRole('heading', { name: 'Welcome, Daniel' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My team' }).click();
  await expect(page.getByRole('heading', { name: 'My team' })).toBeVisible();
  await expect(page.getByText('Priya Shah')).toBeVisible();
  await expectAccessible(page);
});

test('leaders see council headcounts on their home page', async ({ page }) => {
  await signIn(page, 'leader@demo.test');
  await expect(page.getByRole('heading', { name: 'Your council at a glance' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Staff by career level' })).toBeVisible();
  await expectAccessible(page);
});

test('a practitioner is told they cannot open admin pages', async ({ page }) => {
  await signIn(page, 'practitioner@demo.test');
  await expect(page.getByRole('heading', { name: 'Welcome, Priya' })).toBeVisible();
  await page.goto('/admin/people');
  await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
});

test('changing a password checks the rules', async ({ page }) => {
  await signIn(page, 'learning.lead@demo.test');
  await expect(page.getByRole('heading', { name: 'Welcome, Helen' })).toBeVisible();
  await page.goto('/account');
  await hydrated(page);
  await expectAccessible(page);
  await page.getByLabel('Current password').fill('pathway-demo');
  await page.getByLabel('New password', { exact: true }).fill('short');
  await page.getByLabel('Confirm new password').fill('short');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Use at least 12 characters.', { exact: false })).toBeVisible();
});

test('unknown pages say so with a 404', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expectAccessible(page);
});

test('an admin sets a new password for someone who forgot theirs', async ({ page, browser }) => {
  await signIn(page, 'admin@demo.test');
  await page.goto('/admin/people/fo_3');
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'Sophie Marsden' })).toBeVisible();
  await page.getByLabel('New password for this person').fill('tidal lantern orchard');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('status')).toContainText('Password set.');

  const other = await browser.newPage();
  await signIn(other, 'sophie.marsden@demo.test', 'tidal lantern orchard');
  await expect(other.getByRole('heading', { name: 'Welcome, Sophie' })).toBeVisible();
  await other.close();
});
