import { expect, it } from 'vitest';
import { localDay, pollTimeout, setUpSeededApp } from './support/records';

// Job fairs (issue 15, item 1), end to end: plan a fair, run the visit queue in hall mode on a phone-sized window,
// turn a visit into an application with the recruiter as its contact, see a status change made in one window in
// another without a reload, and print the plan.

const suite = setUpSeededApp();

it('plans a fair, runs the queue on a phone-sized window, and turns a visit into an application with its contact', async () => {
  const { page, context } = await suite.app.open({ path: '/#/fairs' });
  await page.getByRole('heading', { level: 2, name: 'No job fair yet' }).waitFor();
  await page.getByRole('button', { name: 'New fair' }).first().click();
  const form = page.getByRole('form', { name: 'New fair' });
  await form.getByLabel('Name').fill('Forum Emploi Lyon');
  await form.getByLabel('First day').fill(localDay(0));
  await form.getByLabel('Place').fill('Halle Tony Garnier');
  await form.getByLabel('Map or site').fill('https://forum.example/plan');
  await form.getByRole('button', { name: 'Add the fair' }).click();
  await page.getByRole('heading', { level: 1, name: 'Forum Emploi Lyon' }).waitFor();

  const addBooth = page.getByRole('form', { name: 'Add a company present at the fair' });
  await addBooth.getByLabel('Company').fill('Globex');
  await addBooth.getByLabel('Booth').fill('B12');
  await addBooth.getByLabel('Recruits for').fill('Data engineer');
  await addBooth.getByLabel('Priority').selectOption({ label: 'Must see' });
  await addBooth.getByRole('button', { name: 'Add a company' }).click();
  const globex = page.getByRole('article', { name: 'Globex' });
  await globex.waitFor();
  await expect.poll(async () => addBooth.getByLabel('Company').inputValue(), pollTimeout).toBe('');
  await addBooth.getByLabel('Company').fill('Initech');
  await addBooth.getByLabel('In my plan').uncheck();
  await addBooth.getByRole('button', { name: 'Add a company' }).click();
  await page.getByRole('region', { name: 'Also present' }).getByRole('article', { name: 'Initech' }).waitFor();

  // The plan: pitch and questions, typed once at home.
  await globex.getByRole('button', { name: 'Plan and notes' }).click();
  const editor = globex.getByRole('form', { name: 'Plan and notes' });
  await editor.getByLabel('My pitch').fill('Five years of data pipelines in retail.');
  await editor.getByLabel('Questions to ask').fill('How many remote days?');
  await editor.getByRole('button', { name: 'Save' }).click();
  await editor.waitFor({ state: 'detached' });
  await globex.getByText('Five years of data pipelines in retail.').waitFor();
  const fairId = (await suite.app.api.invoke('fairs.list', undefined))[0].id;

  // On the day: hall mode on a phone-sized window, one column.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.getByRole('link', { name: 'Hall mode' }).click();
  await page.waitForURL(/\/fairs\/[^/]+\/hall$/);
  const hallBooth = page.getByRole('article', { name: 'Globex' });
  await hallBooth.getByRole('button', { name: 'Join the line: Globex' }).click();
  await hallBooth.getByText('Status: In line').waitFor();
  await hallBooth.getByRole('button', { name: 'Talking now: Globex' }).click();
  await hallBooth.getByText('Status: Talking').waitFor();
  await hallBooth.getByText(/minutes? in line/).waitFor();
  // Nothing wider than the window: no sideways scrolling while standing in the hall.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const stepBox = await hallBooth.getByRole('button', { name: 'Done: Globex' }).boundingBox();
  expect(stepBox!.height).toBeGreaterThanOrEqual(44);
  await suite.app.screenshot(page, 'fair-hall-phone-light');

  await hallBooth.getByRole('button', { name: 'Plan and notes' }).click();
  const visit = hallBooth.getByRole('form', { name: 'Plan and notes' });
  await visit.getByLabel('Recruiter met').fill('Ana Lima');
  await visit.getByLabel('Their role').fill('Talent acquisition');
  await visit.getByLabel('Their e-mail').fill('ana@globex.example');
  await visit.getByLabel('Notes').fill('Wants a portfolio by Friday.');
  await visit.getByRole('button', { name: 'Save' }).click();
  await visit.waitFor({ state: 'detached' });
  await hallBooth.getByRole('button', { name: 'Done: Globex' }).click();
  await hallBooth.getByText('Status: Done').waitFor();

  await hallBooth.getByRole('button', { name: 'Follow up: Globex' }).click();
  await page.getByRole('status').getByText(/Follow-up task added/).waitFor();
  await expect.poll(async () => (await suite.app.api.invoke('tasks.list', {})).items.filter((task) => task.title.startsWith('Follow up with Globex')).length, pollTimeout).toBe(1);

  await hallBooth.getByRole('button', { name: 'Make it an application' }).click();
  const convert = hallBooth.getByRole('form', { name: 'Make it an application' });
  expect(await convert.getByLabel('Position applied for').inputValue()).toBe('Data engineer');
  await convert.getByRole('button', { name: 'Make it an application' }).click();
  await hallBooth.getByRole('link', { name: 'Open the application' }).waitFor();

  const booth = (await suite.app.api.invoke('fairs.get', { id: fairId })).booths.find((item) => item.companyName === 'Globex')!;
  expect(booth).toMatchObject({ status: 'done', recruiterName: 'Ana Lima' });
  const application = await suite.app.api.invoke('applications.get', { id: booth.applicationId! });
  expect(application).toMatchObject({ companyName: 'Globex', position: 'Data engineer', source: 'job_fair', notes: 'Wants a portfolio by Friday.' });
  expect(application.contacts.map((contact) => contact.name)).toEqual(['Ana Lima']);

  await hallBooth.getByRole('link', { name: 'Open the application' }).click();
  await page.getByRole('heading', { level: 1, name: /Data engineer/ }).waitFor();
  await context.close();
});

it("shows a visit's status changed in one window in another without a reload", async () => {
  const fair = (await suite.app.api.invoke('fairs.list', undefined))[0];
  const first = await suite.app.open({ path: `/#/fairs/${fair.id}` });
  const second = await suite.app.open({ path: `/#/fairs/${fair.id}/hall`, colorScheme: 'dark' });
  const initechThere = second.page.getByRole('article', { name: 'Initech' });
  await initechThere.getByText('Status: To visit').waitFor();
  await first.page.getByRole('article', { name: 'Initech' }).getByRole('button', { name: 'Join the line: Initech' }).click();
  await initechThere.getByText('Status: In line').waitFor();
  await second.page.setViewportSize({ width: 360, height: 740 });
  await suite.app.screenshot(second.page, 'fair-hall-phone-dark');
  await first.context.close();
  await second.context.close();
});

it('prints the plan: the Print button calls the browser print, and paper keeps the plan without the controls', async () => {
  const fair = (await suite.app.api.invoke('fairs.list', undefined))[0];
  const { page, context } = await suite.app.open({ path: `/#/fairs/${fair.id}` });
  await page.getByRole('article', { name: 'Globex' }).waitFor();
  await page.evaluate(() => {
    const counted = window as unknown as { printed: number };
    counted.printed = 0;
    window.print = () => {
      counted.printed += 1;
    };
  });
  await page.getByRole('button', { name: 'Print the plan' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  await page.emulateMedia({ media: 'print' });
  await page.getByRole('heading', { level: 1, name: `Plan for ${fair.name}` }).waitFor();
  expect(await page.getByRole('button', { name: 'Join the line: Initech' }).isVisible()).toBe(false);
  expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
  expect(await page.getByText('Five years of data pipelines in retail.').isVisible()).toBe(true);
  await context.close();
});
