import { test, expect, type Browser, type Page } from '@playwright/test';
import { expectAccessible, hydrated, mainNav, signIn } from './helpers';

/** A date some days ahead, as date inputs take it. */
function inDays(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test('a social worker searches with a filter, opens a resource, marks it done and makes CPD from it', async ({
  page,
}) => {
  // Kieran: nobody else's journeys touch his CPD.
  await signIn(page, 'kieran.walsh@demo.test');
  await mainNav(page).getByRole('link', { name: 'Library' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await hydrated(page);

  await page.getByRole('searchbox', { name: 'Search the library' }).fill('chronologies');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.locator('#result-count')).toContainText('match “chronologies”');
  // Matched words are marked.
  await expect(page.locator('.results mark').first()).toBeVisible();

  // Narrow to guides: the filter shows as chosen, and every result is a guide.
  const filters = page.getByRole('complementary', { name: 'Filters' });
  await filters.getByRole('link', { name: /^Guide \(\d+\)/ }).click();
  await expect(page.getByRole('link', { name: /Kind: Guide/ })).toBeVisible();
  await expect(page).toHaveURL(/kind=guide/);
  const kinds = page.locator('.results .record-meta .tag-muted');
  await expect(kinds.first()).toHaveText('Guide');
  for (const kind of await kinds.allTextContents()) expect(kind).toBe('Guide');
  await expectAccessible(page);

  const first = page.locator('.results .result-title a').first();
  const title = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await hydrated(page);
  await page.getByRole('button', { name: 'Mark as done' }).click();
  await expect(page.getByText(/^Done on /)).toBeVisible();

  // "Was this useful?" needs an answer; then it is thanked.
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText('Choose yes or no.')).toBeVisible();
  await page.getByRole('radio', { name: 'Yes' }).check();
  await page.getByLabel('Anything to add? (optional)').fill('Clear and practical.');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Thank you' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Make a CPD record from this' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Record CPD' })).toBeVisible();
  await expect(page.getByText(/Started from the library resource/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(title);
  await hydrated(page);
  await page.getByLabel('What did you learn?').fill('How to build a chronology that shows patterns over time.');
  await page
    .getByLabel(/What positive impact/)
    .fill('My chronologies now show the pattern of missed appointments to the child protection conference.');
  await page.getByRole('button', { name: 'Save CPD record' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'CPD record saved.' })).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toBeVisible();

  // The hub shows it done, with its CPD link.
  await mainNav(page).getByRole('link', { name: 'Learning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My learning' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Done' }).getByRole('link', { name: title })).toBeVisible();
});

test('a learning lead drafts a resource, which only appears in the library once published', async ({
  page,
  browser,
}) => {
  await signIn(page, 'learning.lead@demo.test');
  await page.goto('/library/new');
  await hydrated(page);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Give the resource a title.')).toBeVisible();
  await expect(page.getByText('Choose what kind of resource this is.')).toBeVisible();

  await page.getByRole('textbox', { name: 'Title' }).fill('Grandparent carers: a quick guide');
  await page.getByRole('textbox', { name: 'Summary' }).fill('Supporting grandparents who step in to care for a grandchild.');
  await page.getByLabel('Kind').selectOption({ label: 'One-minute guide' });
  await page
    .getByRole('textbox', { name: /^Body/ })
    .fill('## Why it matters\n\nGrandparent carers are often **invisible** in our work.\n\n- Ask who is in the child’s life\n- Explain kinship support early');
  await page.getByRole('textbox', { name: 'Tags' }).fill('kinship, grandparents');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Grandparent carers: a quick guide' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Resource saved.' })).toBeVisible();
  await expect(page.locator('.prose strong')).toHaveText('invisible');
  const url = page.url().replace(/\?.*$/, '');

  // Not yet published: a practitioner cannot find or open it.
  const zoe = await as(browser, 'zoe.atkinson@demo.test');
  await zoe.goto('/library?q=grandparent');
  await hydrated(zoe);
  await expect(zoe.locator('#result-count')).toBeVisible();
  await expect(zoe.getByRole('link', { name: /Grandparent carers/ })).toHaveCount(0);

  await hydrated(page);
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();

  await zoe.goto('/library?q=grandparent');
  await hydrated(zoe);
  await zoe.getByRole('link', { name: /Grandparent carers/ }).click();
  await expect(zoe).toHaveURL(url);
  await expect(zoe.getByRole('heading', { level: 1, name: 'Grandparent carers: a quick guide' })).toBeVisible();
  await expect(zoe.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await zoe.context().close();
});

test('book an event, cancel, and see the waitlisted person promoted', async ({ page, browser }) => {
  // A learning lead puts on a one-place event.
  await signIn(page, 'learning.lead@demo.test');
  await mainNav(page).getByRole('link', { name: 'Events' }).click();
  await hydrated(page);
  await page.getByRole('link', { name: 'Create an event' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create an event' })).toBeVisible();
  await hydrated(page);
  await page.getByRole('textbox', { name: 'Title' }).fill('Lunch and learn: genograms');
  await page.getByLabel('What it is for').fill('Drawing genograms with families, in an hour.');
  await page.getByRole('textbox', { name: 'Run by' }).fill('Helen Marsh');
  await page.getByRole('spinbutton', { name: 'Places' }).fill('1');
  const first = page.getByRole('group', { name: 'Session 1' });
  await first.getByLabel('Date').fill(inDays(6));
  await first.getByLabel('Starts').fill('12:30');
  await first.getByLabel('Ends').fill('13:30');
  await first.getByLabel('Where').fill('Training Room 2');
  await page.getByRole('button', { name: 'Create event' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lunch and learn: genograms' })).toBeVisible();
  const eventUrl = page.url();

  // Fatima books the only place.
  const fatima = await as(browser, 'fatima.hussain@demo.test');
  await fatima.goto(eventUrl);
  await hydrated(fatima);
  await fatima.getByRole('button', { name: 'Book a place' }).click();
  await expect(fatima.getByTestId('my-booking')).toHaveText('Booked');
  await expect(fatima.getByRole('link', { name: /Add to my calendar/ })).toBeVisible();
  await expectAccessible(fatima);

  // Zoe finds it full and joins the waitlist.
  const zoe = await as(browser, 'zoe.atkinson@demo.test');
  await zoe.goto(eventUrl);
  await hydrated(zoe);
  await expect(zoe.getByTestId('places')).toContainText('1 of 1 taken');
  await zoe.getByRole('button', { name: 'Join the waitlist' }).click();
  await expect(zoe.getByTestId('my-booking')).toHaveText('On the waitlist: number 1');

  // Fatima cancels: Zoe moves up, and is told.
  await fatima.getByRole('button', { name: 'Cancel my place' }).click();
  await expect(fatima.getByRole('button', { name: 'Book a place' }).or(fatima.getByRole('button', { name: 'Join the waitlist' }))).toBeVisible();
  await zoe.reload();
  await hydrated(zoe);
  await expect(zoe.getByTestId('my-booking')).toHaveText('Booked');
  await zoe.goto('/notifications');
  await expect(zoe.getByText(/A place came up on “Lunch and learn: genograms”/)).toBeVisible();

  // The learning lead sees Zoe on the list.
  await page.reload();
  await expect(page.getByRole('region', { name: /People booked/ }).getByRole('rowheader', { name: 'Zoe Atkinson' })).toBeVisible();
  await fatima.context().close();
  await zoe.context().close();
});

test('a learning lead adds places to a full event, then cancels it, and the people booked are told', async ({
  page,
  browser,
}) => {
  await signIn(page, 'learning.lead@demo.test');
  await page.goto('/events/new');
  await hydrated(page);
  await page.getByRole('textbox', { name: 'Title' }).fill('Lunch and learn: ecomaps');
  await page.getByLabel('What it is for').fill('Drawing ecomaps with children and families.');
  await page.getByRole('textbox', { name: 'Run by' }).fill('Helen Marsh');
  await page.getByRole('spinbutton', { name: 'Places' }).fill('1');
  const first = page.getByRole('group', { name: 'Session 1' });
  await first.getByLabel('Date').fill(inDays(8));
  await first.getByLabel('Starts').fill('12:30');
  await first.getByLabel('Ends').fill('13:30');
  await first.getByLabel('Where').fill('Training Room 3');
  await page.getByRole('button', { name: 'Create event' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lunch and learn: ecomaps' })).toBeVisible();
  const eventUrl = page.url().replace(/\?.*$/, '');

  // Two people for one place: Yusuf books, Hannah waits.
  const dev = await as(browser, 'yusuf.patel@demo.test');
  await dev.goto(eventUrl);
  await hydrated(dev);
  await dev.getByRole('button', { name: 'Book a place' }).click();
  await expect(dev.getByTestId('my-booking')).toHaveText('Booked');
  const hannah = await as(browser, 'hannah.crowther@demo.test');
  await hannah.goto(eventUrl);
  await hydrated(hannah);
  await hannah.getByRole('button', { name: 'Join the waitlist' }).click();
  await expect(hannah.getByTestId('my-booking')).toHaveText('On the waitlist: number 1');

  // The form opens with what was saved; one more place goes to Hannah.
  await page.goto(eventUrl);
  await hydrated(page);
  await page.getByRole('link', { name: 'Change the event' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Change “Lunch and learn: ecomaps”/ })).toBeVisible();
  await hydrated(page);
  await expect(page.getByRole('spinbutton', { name: 'Places' })).toHaveValue('1');
  await expect(page.getByRole('group', { name: 'Session 1' }).getByLabel('Where')).toHaveValue('Training Room 3');
  await expectAccessible(page);
  await page.getByRole('spinbutton', { name: 'Places' }).fill('2');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The new places went to the people waiting' })).toBeVisible();
  await expect(page.getByTestId('places')).toContainText('2 of 2 taken');
  await hannah.reload();
  await hydrated(hannah);
  await expect(hannah.getByTestId('my-booking')).toHaveText('Booked');

  // Cancelled with a reason, which both of them read.
  await page.getByText('Cancel the event', { exact: true }).click();
  await page.getByRole('button', { name: 'Cancel the event for everyone' }).click();
  await expect(page.getByText('Say why it is cancelled: everyone booked is told.')).toBeVisible();
  await page.getByLabel('Why it is cancelled').fill('The room is needed for an inspection.');
  await page.getByRole('button', { name: 'Cancel the event for everyone' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Event cancelled.' })).toBeVisible();
  for (const person of [dev, hannah]) {
    await person.goto(eventUrl);
    await expect(person.getByText('This event has been cancelled: The room is needed for an inspection.')).toBeVisible();
    await person.goto('/notifications');
    await expect(person.getByText(/“Lunch and learn: ecomaps” has been cancelled/)).toBeVisible();
    await person.context().close();
  }
});

test('a learning lead builds a learning path and a newly qualified social worker follows it', async ({
  page,
  browser,
}) => {
  await signIn(page, 'learning.lead@demo.test');
  await mainNav(page).getByRole('link', { name: 'Learning' }).click();
  await page.getByRole('link', { name: 'Manage learning paths' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Learning paths' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'NQSW: first 90 days' })).toBeVisible();
  await page.getByRole('link', { name: 'Create a learning path' }).click();
  await hydrated(page);
  await page.getByRole('button', { name: 'Create path' }).click();
  await expect(page.getByText('Give the path a title.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Title' }).fill('Neglect: seeing it early');
  await page.getByRole('textbox', { name: 'Summary' }).fill('Recognising and assessing neglect, for your first year.');
  await page.getByRole('checkbox', { name: 'Newly qualified social worker (ASYE)' }).check();
  await page.getByRole('button', { name: 'Create path' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Path created.' })).toBeVisible();
  await expect(page.getByText('No steps yet.')).toBeVisible();

  // Steps come from a search of the library and the events.
  await hydrated(page);
  await page.getByRole('searchbox', { name: 'Find resources and events' }).fill('graded care');
  await page.getByRole('button', { name: 'Find' }).click();
  const results = page.getByRole('list', { name: 'Matching resources and events' });
  await expect(results).toBeVisible();
  await results.getByRole('button', { name: /^Add to the path: Graded Care Profile 2: practitioner training/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Step added' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Find resources and events' }).fill('neglect');
  await page.getByRole('button', { name: 'Find' }).click();
  // Wait for the new search's results, not the last one's, before choosing from them.
  await expect(page).toHaveURL(/find=neglect/);
  await page.waitForLoadState('networkidle');
  const resource = results
    .locator('li')
    .filter({ hasText: /neglect/i })
    .filter({ has: page.getByRole('button', { name: /^Add to the path/ }) })
    .first();
  await expect(resource).toBeVisible();
  const resourceTitle = (await resource.locator('.candidate-title').innerText()).trim();
  // By name, so a list re-rendered between finding and clicking cannot swap the target.
  await results.getByRole('button', { name: `Add to the path: ${resourceTitle}`, exact: false }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Step added' })).toBeVisible();
  const steps = page.locator('.path-editor-steps > li');
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(1).getByRole('link')).toHaveText(resourceTitle);

  // The resource moves first, with a keyboard.
  const moveUp = page.getByRole('button', { name: /^Move up: / });
  await moveUp.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Step moved.' })).toBeVisible();
  await expect(steps.first().getByRole('link')).toHaveText(resourceTitle);
  await expectAccessible(page);

  // Lucy, an NQSW, has it on My learning, in that order.
  const lucy = await as(browser, 'lucy.fairburn@demo.test');
  await mainNav(lucy).getByRole('link', { name: 'Learning' }).click();
  const path = lucy.getByRole('region', { name: 'Neglect: seeing it early' });
  await expect(path).toBeVisible();
  await expect(path.getByTestId('path-progress')).toHaveText('0 of 2 done');
  await expect(path.getByRole('link').first()).toHaveText(resourceTitle);
  await lucy.context().close();
});
