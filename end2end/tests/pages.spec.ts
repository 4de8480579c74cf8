import { test, expect } from '@playwright/test';
import { expectAccessible, hydrated, mainNav, signIn } from './helpers';

// Every page each role can reach, checked with axe once it has hydrated.
const pagesByRole: Record<string, string[]> = {
  'admin@demo.test': [
    '/',
    '/account',
    '/admin/people',
    '/admin/people?page=2',
    '/admin/people/new',
    '/admin/people/demo_practitioner',
    '/admin/teams',
    '/admin/teams?archived=on',
    '/pathway',
    '/progression',
    '/frameworks',
    '/frameworks/demo_kss_v1',
    '/notifications',
    '/admin/imports',
    '/admin/imports?problem=no_file',
    '/admin/workforce',
    '/admin/workforce?team=demo_duty_advice',
    '/insight/workforce?service=demo_localities',
  ],
  'supervisor@demo.test': [
    '/',
    '/team',
    '/team/ln_2',
    '/team/ln_3/cpd',
    '/reviews',
    '/account',
    '/notifications',
    '/asye/cohort',
    '/asye/ln_4',
    '/supervision',
    '/cpd',
    '/events',
    '/learning',
  ],
  'learning.lead@demo.test': [
    '/asye/cohort',
    '/asye/da_3',
    '/cpd',
    '/supervision',
    '/library',
    '/library?q=court&kind=guide',
    '/library?status=all&domain=professionalism',
    '/library/manage',
    '/library/new',
    '/library/asye_survival_guide',
    '/library/asye_survival_guide/edit',
    '/events',
    '/events/new',
    '/events/chronology_workshop',
    '/events/asye_welcome_day/edit',
    '/learning',
    '/learning/paths',
    '/learning/paths/new',
    '/learning/paths/nqsw_first_90_days?find=court',
    '/surveys',
    '/surveys/manage',
    '/surveys/impact',
    '/surveys/annual_staff_4/edit',
    '/surveys/annual_staff_4?preview=1',
    '/surveys/annual_staff_3/results',
    '/surveys/annual_staff_3/results?dimension=team&segment=demo_fostering&by=level',
    '/insight/learning',
    '/insight/learning?team=demo_fostering&service=demo_fostering_permanence',
  ],
  'leader@demo.test': [
    '/insight',
    '/insight?team=demo_locality_north&service=demo_localities',
    '/insight/learning?service=demo_localities',
    '/insight/workforce',
    '/insight/workforce?team=demo_fostering',
    '/surveys',
    '/surveys/impact',
    '/surveys/annual_staff_3/results?by=service',
    '/surveys/eval_chronology_workshop/results?by=role',
  ],
  'practitioner@demo.test': [
    '/',
    '/account',
    '/admin/people',
    '/team',
    '/pathway',
    '/evidence',
    '/evidence?kind=reflection&from=2026-10-01',
    '/evidence/demo_priya_0',
    '/notifications',
    '/asye',
    '/cpd',
    '/cpd/new',
    '/cpd/print',
    '/supervision',
    '/library',
    '/library?q=zzqxv',
    '/library/asye_survival_guide',
    '/learning',
    '/events',
    '/events?show=all&format=online',
    '/events/asye_welcome_day',
    '/events/mock_cross_examination',
    '/evidence/new?resource=asye_survival_guide',
    '/cpd/new?resource=asye_survival_guide',
    '/cpd/new?event=chronology_workshop',
    '/surveys',
    '/surveys/eval_chronology_workshop',
  ],
};

for (const [email, paths] of Object.entries(pagesByRole)) {
  test(`every page ${email} visits passes axe`, async ({ page }) => {
    // A debug build renders slowly; allow each page its share of time.
    test.setTimeout(30_000 + paths.length * 5_000);
    await signIn(page, email);
    await expect(mainNav(page)).toBeVisible();
    for (const path of paths) {
      await page.goto(path);
      await hydrated(page);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page);
    }
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('pages fit the screen and the navigation is usable', async ({ page }) => {
    await signIn(page, 'admin@demo.test');
    for (const path of [
      '/',
      '/admin/people',
      '/admin/teams',
      '/account',
      '/frameworks',
      '/frameworks/demo_pathway_v1',
      '/evidence/new',
    ]) {
      await page.goto(path);
      await hydrated(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
    await mainNav(page).getByRole('link', { name: 'Teams' }).tap();
    await expect(page.getByRole('heading', { name: 'Services and teams' })).toBeVisible();
  });

  test('early-career pages fit the screen', async ({ page }) => {
    await signIn(page, 'practitioner@demo.test');
    for (const path of ['/asye', '/cpd', '/cpd/new', '/cpd/print', '/supervision', '/surveys', '/surveys/annual_staff_4']) {
      await page.goto(path);
      await hydrated(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  });
});

test('the admin edits a person and the change shows in the list', async ({ page }) => {
  await signIn(page, 'admin@demo.test');
  await expect(mainNav(page)).toBeVisible();
  await page.goto('/admin/people/lac_3');
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'Bethany Clarke' })).toBeVisible();
  await page.getByLabel('Job title (optional)').fill('Social Worker, Leaving Care');
  await page.getByLabel('Career level').selectOption('senior_social_worker');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status')).toContainText('Saved.');
  await page.goto('/admin/people?q=bethany');
  const row = page.getByRole('row', { name: /Bethany Clarke/ });
  await expect(row).toContainText('Senior Social Worker');
});
