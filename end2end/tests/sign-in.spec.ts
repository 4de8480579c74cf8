import { test, expect } from '@playwright/test';
import { expectAccessible, hydrated, mainNav, signIn, signOut, PASSWORD } from './helpers';

const roles = [
  {
    email: 'practitioner@demo.test',
    name: 'Priya Shah',
    nav: ['Home', 'My pathway', 'Evidence', 'Learning', 'Library', 'Events', 'My ASYE', 'CPD', 'Supervision', 'Surveys', 'My account'],
  },
  {
    email: 'supervisor@demo.test',
    name: 'Daniel Okafor',
    nav: [
      'Home',
      'My pathway',
      'Evidence',
      'Learning',
      'Library',
      'Events',
      'CPD',
      'Supervision',
      'Surveys',
      'Reviews',
      'My team',
      'ASYE cohort',
      'My account',
    ],
  },
  {
    email: 'learning.lead@demo.test',
    name: 'Helen Marsh',
    nav: ['Home', 'My pathway', 'Evidence', 'Learning', 'Library', 'Events', 'CPD', 'Supervision', 'Surveys', 'ASYE cohort', 'Frameworks', 'Insight', 'My account'],
  },
  {
    email: 'leader@demo.test',
    name: 'Grace Whitfield',
    nav: ['Home', 'My pathway', 'Evidence', 'Learning', 'Library', 'Events', 'CPD', 'Supervision', 'Surveys', 'Insight', 'My account'],
  },
  {
    email: 'admin@demo.test',
    name: 'Tom Ridley',
    nav: [
      'Home',
      'My pathway',
      'Evidence',
      'Learning',
      'Library',
      'Events',
      'Surveys',
      'Progression requests',
      'Frameworks',
      'Insight',
      'People',
      'Teams',
      'Imports',
      'My account',
    ],
  },
];

for (const role of roles) {
  test(`${role.email} signs in and sees the right navigation`, async ({ page }) => {
    await signIn(page, role.email);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Welcome, ${role.name.split(' ')[0]}`,
    );
    await expect(mainNav(page).getByRole('link')).toHaveText(role.nav);
    await expect(page.getByText('Demo Borough Council').first()).toBeVisible();
    await expectAccessible(page);
  });
}

test('the login page is accessible and a wrong password gets one generic message', async ({ page }) => {
  await page.goto('/login');
  await hydrated(page);
  await expectAccessible(page);
  await page.getByLabel('Email').fill('admin@demo.test');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('The email address or password is not right.');
  await expect(page).toHaveURL(/\/login/);
  await expectAccessible(page);
});

test('signing out ends the session and pages then ask to sign in', async ({ page }) => {
  await signIn(page, 'practitioner@demo.test');
  await expect(page.getByRole('heading', { name: 'Welcome, Priya' })).toBeVisible();
  await signOut(page);
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login\?next=(%2F|\/)account$/);
  await expect(page.getByRole('heading', { name: 'Sign in to Pathway' })).toBeVisible();
});

test('sign-in returns to the page that asked for it', async ({ page }) => {
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login\?next=/);
  await hydrated(page);
  await page.getByLabel('Email').fill('leader@demo.test');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { name: 'My account' })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the sign-in form still works as a plain form', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill('supervisor@demo.test');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { name: 'Welcome, Daniel' })).toBeVisible();
  });

  test('a wrong password is explained on the page', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill('supervisor@demo.test');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('The email address or password is not right.');
  });
});

test('the skip link moves keyboard focus to the main content', async ({ page }) => {
  await signIn(page, 'practitioner@demo.test');
  await expect(page.getByRole('heading', { name: 'Welcome, Priya' })).toBeVisible();
  await page.goto('/');
  await hydrated(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});
