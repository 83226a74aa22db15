import type { UID } from '@strapi/strapi';
import type { Page } from 'playwright-core';
import { CONTENT_API_ACTIONS } from '../../shared/constants';
import { createEntry, grantRolePermissions } from '../helpers/fixtures';
import type { TestApp } from '../helpers/strapi';
import { DESKTOP_CHROME, eventually, screenshot, startDemoSession, waitShown } from './browser';

/*
 * The Submissions view as a marketer meets it: a visitor submits a form the way a frontend does
 * (POST /api/journey/forms/:documentId/submissions, anonymously), then the row, its detail with a
 * value that looks like markup shown as text, and a person's erasure request; then the form's field
 * editor (custom field) in its Content Manager edit view, saved as the JSON the server checks.
 */

const FORM = 'plugin::journey.form' as UID.ContentType;
const EMAIL = 'ada.e2e@example.com';
const NOTE = '<b>Call me</b> after 3pm';

let app: TestApp;
let page: Page;
let baseUrl: string;
let session: Awaited<ReturnType<typeof startDemoSession>>;
let formId: string;

beforeAll(async () => {
  session = await startDemoSession();
  ({ app, page, baseUrl } = session);
  const granted = await app.strapi.db.query('plugin::users-permissions.permission').findOne({
    where: { action: CONTENT_API_ACTIONS.submissions, role: { type: 'public' } },
  });
  if (!granted) await grantRolePermissions(app.strapi, 'public', [CONTENT_API_ACTIONS.submissions]);

  formId = await createEntry(app.strapi, {
    uid: FORM,
    data: {
      name: 'E2E demo request',
      fields: [
        { name: 'email', label: 'Work email', type: 'email', required: true },
        { name: 'note', label: 'Anything else?', type: 'textarea' },
      ],
    },
    stage: 'decision',
    publishedAt: new Date().toISOString(),
  });
  const response = await fetch(`${baseUrl}/api/journey/forms/${formId}/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'User-Agent': DESKTOP_CHROME },
    body: JSON.stringify({ data: { email: EMAIL, note: NOTE }, context: { stage: 'decision' } }),
  });
  expect(response.status).toBe(201);
});

afterAll(async () => {
  await session?.stop();
});

describe('the Submissions view in a real browser', () => {
  it('lists the submission, shows its detail as text, and erases it by email', async () => {
    await page.goto(`${baseUrl}/admin/plugins/journey/submissions?form=${formId}`);
    const table = page.getByTestId('submissions-table');
    await waitShown(table, 60_000);
    await eventually(
      () => table.locator('tbody tr').allInnerTexts(),
      (rows) => {
        expect(rows).toHaveLength(1);
        expect(rows[0]).toContain('E2E demo request');
        expect(rows[0]).toContain(`email: ${EMAIL}`);
      }
    );
    await screenshot(page, 'submissions-view', { fullPage: false });

    await table.getByRole('button', { name: 'View' }).click();
    const detail = page.getByTestId('submission-detail');
    await detail.waitFor();
    await expect(detail.getByTestId('submission-value-note').textContent()).resolves.toBe(
      `Anything else?${NOTE}`
    );
    await expect(detail.locator('b').count()).resolves.toBe(0);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Erase by email' }).click();
    await page.getByLabel('Email address').fill(EMAIL);
    await page.getByRole('button', { name: 'Erase…' }).click();
    await page.getByRole('button', { name: 'Erase for good' }).click();
    await expect(page.getByTestId('submissions-erase-result').innerText()).resolves.toBe(
      '1 submission deleted'
    );
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByTestId('submissions-empty').waitFor();
    expect(await app.strapi.db.query('plugin::journey.submission').count({ where: {} })).toBe(0);
  });
});

describe('the form field editor in a real browser', () => {
  it('lists the form’s fields in its edit view and saves an added one as JSON', async () => {
    await page.goto(
      `${baseUrl}/admin/content-manager/collection-types/${FORM}/${formId}?plugins[i18n][locale]=en`
    );
    const editor = page.getByTestId('form-fields-input');
    await waitShown(editor, 60_000);
    await expect(editor.getByTestId('form-field-0').getByLabel('Name').inputValue()).resolves.toBe(
      'email'
    );
    await editor.getByRole('button', { name: 'Add field' }).click();
    await editor.getByTestId('form-field-2').getByLabel('Name').fill('company');
    await editor.getByTestId('form-field-2').getByLabel('Label').fill('Company');
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(
      async () =>
        (
          (await app.strapi
            .documents(FORM)
            .findOne({ documentId: formId, locale: 'en', status: 'draft' })) as unknown as {
            fields: unknown;
          }
        ).fields,
      (fields) =>
        expect(fields).toEqual([
          { name: 'email', label: 'Work email', type: 'email', required: true },
          { name: 'note', label: 'Anything else?', type: 'textarea', required: false },
          { name: 'company', label: 'Company', type: 'text', required: false },
        ])
    );
  });
});
