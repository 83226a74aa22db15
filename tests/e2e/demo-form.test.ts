/**
 * A form on the demo site in Chromium: a decision-stage page offers the stage's form, rendered
 * from its field definitions; the server's messages appear next to the inputs; a valid send
 * shows the thank-you, is stored (admin API) and counted as a conversion of the form and of the
 * page (Performance API).
 */
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { seedDemoContent } from '../../playground/src/seed';
import { DEMO_BLOG_POSTS, DEMO_FORMS } from '../../playground/src/seed/demo-content';
import { adminToken } from '../helpers/admin';
import { bootStrapi, listenOnFreePort, type TestApp } from '../helpers/strapi';
import {
  DESKTOP_CHROME,
  eventually,
  launchBrowser,
  screenshot,
  waitShown,
  watchPage,
} from './browser';

let app: TestApp;
let browser: Browser;
let page: Page;
let baseUrl: string;

beforeAll(async () => {
  app = await bootStrapi();
  await seedDemoContent(app.strapi);
  baseUrl = await listenOnFreePort(app);
  browser = await launchBrowser();
  // A normal Chrome user agent: HeadlessChrome's conversions would be answered as a bot's.
  page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    userAgent: DESKTOP_CHROME,
  });
  watchPage(page);
});

afterAll(async () => {
  await browser?.close();
  if (app?.strapi.server.httpServer.listening)
    await new Promise((resolve) => app.strapi.server.httpServer.close(resolve));
  await app?.stop();
});

const documentIdOf = async (uid: string, filters: object) =>
  (
    (await app.strapi
      .documents(uid as never)
      .findFirst({ locale: 'en', filters } as never)) as unknown as { documentId: string }
  ).documentId;

/** The inline error of a field: its text, and whether the input points at it. */
const fieldState = async (form: ReturnType<Page['getByTestId']>, name: string) => {
  const input = form.locator(`[name="${name}"]`);
  const describedBy = await input.getAttribute('aria-describedby');
  const error = form.locator(`[data-testid="field-error"][data-field="${name}"]`);
  return {
    invalid: await input.getAttribute('aria-invalid'),
    describedByError: describedBy !== null && describedBy === (await error.getAttribute('id')),
    message: (await error.isVisible()) ? (await error.innerText()).trim() : null,
  };
};

describe('a form on the demo site', () => {
  // The b2b buyer's decision post offers the decision stage's form for b2b buyers.
  const post = DEMO_BLOG_POSTS.find((e) => e.key === 'blog-what-to-expect-onboarding')!;
  const quote = DEMO_FORMS.find((e) => e.key === 'form-b2b-quote-request')!;

  it('shows the server’s messages next to the inputs, then thanks, stores and counts the submission', async () => {
    const token = await adminToken(app.strapi);
    const formId = await documentIdOf('plugin::journey.form', { name: quote.en.name });
    const postId = await documentIdOf('plugin::journey.blog-post', { slug: post.en.slug });

    await page.goto(
      `${baseUrl}/demo/#/blog/${post.en.slug}?persona=b2b-buyer&stage=decision&locale=en`
    );
    const form = page.getByTestId('journey-form');
    await waitShown(form);
    expect(await form.getAttribute('data-form')).toBe(formId);
    expect(await page.getByTestId('page-form').locator('h2').innerText()).toBe(quote.en.name);
    // One input per field definition, of its type; the select with the field's options.
    const labels = (await form.locator('label:not(.visually-hidden label)').allInnerTexts()).map(
      (label) => label.trim()
    );
    expect(labels).toEqual(
      quote.en.fields.map((field) => `${field.label}${field.required ? ' *' : ''}`)
    );
    expect(await form.locator('select[name="plan"] option').allInnerTexts()).toEqual([
      'Choose…',
      'Starter',
      'Business',
      'Enterprise',
    ]);
    expect(await form.locator('input[name="numberOfUsers"]').getAttribute('type')).toBe('number');
    expect(await form.locator('input[name="workEmail"]').getAttribute('type')).toBe('email');
    expect(await form.locator('textarea[name="requirements"]').count()).toBe(1);
    // The honeypot: present, out of sight, out of the tab order, never autofilled.
    const honeypot = form.locator('input[name="website"]');
    // Visually hidden: a 1 px box clipped away (display: none would be skipped by some bots).
    const box = await honeypot.locator('..').boundingBox();
    expect(box !== null && box.width <= 1 && box.height <= 1).toBe(true);
    expect(
      await honeypot.evaluate((input) => {
        const style = getComputedStyle(input.parentElement!);
        return { clipPath: style.clipPath, overflow: style.overflow };
      })
    ).toEqual({ clipPath: 'inset(50%)', overflow: 'hidden' });
    expect(await honeypot.getAttribute('tabindex')).toBe('-1');
    expect(await honeypot.getAttribute('autocomplete')).toBe('off');

    // Wrong: no company, a bad email, no plan chosen.
    await form.locator('input[name="workEmail"]').fill('not-an-email');
    await form.getByRole('button', { name: quote.en.submitLabel }).click();
    await eventually(
      async () => ({
        companyName: await fieldState(form, 'companyName'),
        workEmail: await fieldState(form, 'workEmail'),
        plan: await fieldState(form, 'plan'),
        numberOfUsers: await fieldState(form, 'numberOfUsers'),
      }),
      (states) =>
        expect(states).toEqual({
          companyName: {
            invalid: 'true',
            describedByError: true,
            message: 'This field is required.',
          },
          workEmail: {
            invalid: 'true',
            describedByError: true,
            message: 'Enter a valid email address.',
          },
          plan: {
            invalid: 'true',
            describedByError: true,
            message: 'This field is required.',
          },
          numberOfUsers: { invalid: null, describedByError: false, message: null },
        })
    );
    await screenshot(page, 'demo-form-errors');

    // Right.
    await form.locator('input[name="companyName"]').fill('Acme Logistics');
    await form.locator('input[name="workEmail"]').fill('buyer@acme.example');
    await form.locator('select[name="plan"]').selectOption('business');
    await form.locator('input[name="numberOfUsers"]').fill('40');
    await form.locator('textarea[name="requirements"]').fill('SSO and an ERP integration');
    await form.getByRole('button', { name: quote.en.submitLabel }).click();
    await page.getByTestId('form-thanks').waitFor();
    expect(await page.getByTestId('form-thanks').innerText()).toContain('Thank you');
    await screenshot(page, 'demo-form-thanks');

    // Stored, with the page as its source.
    const listed = await request(app.strapi.server.httpServer)
      .get(`/journey/submissions?form=${formId}`)
      .set('Authorization', `Bearer ${token}`);
    expect(listed.status).toBe(200);
    expect(listed.body.meta.pagination.total).toBe(1);
    expect(listed.body.data[0]).toMatchObject({
      form: { documentId: formId, name: quote.en.name, locale: 'en' },
      stage: 'decision',
      persona: 'b2b-buyer',
      data: {
        companyName: 'Acme Logistics',
        workEmail: 'buyer@acme.example',
        plan: 'business',
        numberOfUsers: 40,
        requirements: 'SSO and an ERP integration',
      },
      context: {
        locale: 'en',
        persona: 'b2b-buyer',
        stage: 'decision',
        source: { contentType: 'blog-post', documentId: postId },
      },
    });
    expect(Object.keys(listed.body.data[0].data).sort()).toEqual(
      ['companyName', 'numberOfUsers', 'plan', 'requirements', 'workEmail'].sort()
    );

    // Counted as a conversion of the form and of the post (a deadline, no fixed wait).
    const performance = async () => {
      await app.strapi.plugin('journey').service('analytics').flush();
      const response = await request(app.strapi.server.httpServer)
        .get('/journey/performance')
        .set('Authorization', `Bearer ${token}`);
      expect(response.status).toBe(200);
      return response.body.data as {
        totals: { conversions: number };
        funnel: Array<{ stage: string; conversions: number }>;
      };
    };
    const numbers = await eventually(performance, (seen) =>
      expect(seen.totals.conversions).toBe(2)
    );
    expect(numbers.funnel.find((step) => step.stage === 'decision')?.conversions).toBe(2);
    const conversions = await app.strapi.db
      .connection('journey_event_rollups')
      .where({ event_type: 'conversion' })
      .select('document_id', 'type_name', 'stage', 'count');
    expect(
      conversions
        .map((row: Record<string, unknown>) => ({
          document_id: String(row.document_id),
          type_name: String(row.type_name),
          stage: row.stage,
          count: Number(row.count),
        }))
        .sort((a, b) => a.type_name.localeCompare(b.type_name))
    ).toEqual([
      { document_id: postId, type_name: 'blog-post', stage: 'decision', count: 1 },
      { document_id: formId, type_name: 'form', stage: 'decision', count: 1 },
    ]);
  });

  it('renders a form card of the decision list as a form too', async () => {
    await page.goto(`${baseUrl}/demo/#/?persona=b2b-buyer&stage=decision&locale=en`);
    const card = page
      .getByTestId('content-card')
      .filter({ has: page.locator('h3', { hasText: quote.en.name }) });
    await waitShown(card.getByTestId('journey-form'));
    expect(await card.getByTestId('journey-form').locator('[name]').count()).toBe(
      quote.en.fields.length + 1
    );
  });
});
