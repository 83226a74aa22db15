import { render, screen, server, waitFor } from '@strapi/strapi/admin/test';
import { within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { Route, Routes } from 'react-router-dom';

import {
  COVERAGE_READ_ACTION,
  SUBMISSIONS_DELETE_ACTION,
  SUBMISSIONS_READ_ACTION,
} from '../../shared/constants';
import { App } from '../../admin/src/pages/App';
import { BACKEND_URL, EDITOR_CONFIG, permission } from './fixtures/journey';

import type { Submission, SubmissionResponse, SubmissionsResponse } from '../../shared/contracts';

/*
 * The Submissions view against msw answers typed with the contracts: rows, filters sent to the
 * API, the detail (values as text, never HTML), delete and erase by email, and who may do what.
 */

const FORM = { documentId: 'form-demo', name: 'Book a demo', locale: 'en' };

const SUBMISSION: Submission = {
  id: 'sub-2',
  createdAt: '2026-03-10T09:30:00.000Z',
  form: FORM,
  stage: 'decision',
  persona: 'restaurant-owner',
  data: { email: 'ada@example.com', note: '<script>alert(1)</script>', newsletter: true },
  context: { locale: 'en', source: { contentType: 'plugin::journey.blog-post', documentId: 'p1' } },
  delivery: {
    email: { state: 'sent', attempts: 1 },
    webhooks: { state: 'failed', attempts: 3, error: 'HTTP 500' },
  },
};

const OLDER: Submission = {
  ...SUBMISSION,
  id: 'sub-1',
  createdAt: '2026-03-01T08:00:00.000Z',
  stage: null,
  persona: null,
  data: { email: 'bo@example.com' },
  delivery: null,
};

const LIST: SubmissionsResponse = {
  data: [SUBMISSION, OLDER],
  meta: { pagination: { page: 1, pageSize: 25, pageCount: 2, total: 27 } },
};

const DETAIL: SubmissionResponse = {
  data: {
    ...SUBMISSION,
    fields: [
      { name: 'email', label: 'Your email', type: 'email' },
      { name: 'note', label: 'Anything else?', type: 'textarea' },
      { name: 'newsletter', label: 'Newsletter', type: 'checkbox' },
    ],
  },
};

let requests: Record<'list' | 'detail' | 'delete' | 'erase', string[]>;

const queryOf = (request: Request) => decodeURIComponent(new URL(request.url).search.slice(1));

beforeEach(() => {
  requests = { list: [], detail: [], delete: [], erase: [] };
  server.use(
    http.get(`${BACKEND_URL}/journey/editor`, () => HttpResponse.json({ data: EDITOR_CONFIG })),
    // The pickers' choices (a UID's "::" cannot be written in an msw path).
    http.get(`${BACKEND_URL}/content-manager/collection-types/:uid`, ({ params }) =>
      HttpResponse.json({
        results:
          params.uid === 'plugin::journey.form'
            ? [FORM, { documentId: 'form-news', name: 'Newsletter' }]
            : [{ documentId: 'p-owner', slug: 'restaurant-owner', name: 'Restaurant owner' }],
        pagination: {},
      })
    ),
    http.get(`${BACKEND_URL}/journey/submissions`, ({ request }) => {
      requests.list.push(queryOf(request));
      return HttpResponse.json(LIST);
    }),
    http.get(`${BACKEND_URL}/journey/submissions/:id`, ({ params }) => {
      requests.detail.push(String(params.id));
      return HttpResponse.json(DETAIL);
    }),
    http.delete(`${BACKEND_URL}/journey/submissions/:id`, ({ params }) => {
      requests.delete.push(String(params.id));
      return HttpResponse.json({ data: { deleted: 1 } });
    }),
    http.delete(`${BACKEND_URL}/journey/submissions`, ({ request }) => {
      requests.erase.push(queryOf(request));
      return HttpResponse.json({ data: { deleted: 3 } });
    })
  );
});

const renderApp = (path: string, actions: string[]) =>
  render(
    <Routes>
      <Route path="/plugins/journey/*" element={<App />} />
    </Routes>,
    {
      initialEntries: [path],
      providerOptions: { permissions: actions.map((action) => permission(action)) },
    }
  );

const READER = [SUBMISSIONS_READ_ACTION];
const DELETER = [SUBMISSIONS_READ_ACTION, SUBMISSIONS_DELETE_ACTION];

/** A table's body rows as the texts of their cells. */
const bodyRows = () =>
  within(screen.getByTestId('submissions-table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.children].map((child) => child.textContent));

describe('the Submissions view', () => {
  it('lists the submissions with date, form, stage, persona and a preview of values', async () => {
    renderApp('/plugins/journey/submissions', READER);
    await screen.findByTestId('submissions-table');

    expect(bodyRows()).toEqual([
      [
        'Mar 10, 2026, 9:30 AM',
        'Book a demo',
        'Decision',
        'Restaurant owner',
        'email: ada@example.com · note: <script>alert(1)</script> · newsletter: true',
        'View',
      ],
      ['Mar 1, 2026, 8:00 AM', 'Book a demo', '–', '–', 'email: bo@example.com', 'View'],
    ]);
    expect(screen.getByTestId('submissions-pagination')).toHaveTextContent(
      'Page 1 of 2 (27 submissions)'
    );
    expect(requests.list).toEqual(['page=1&pageSize=25']);
    // Deleting is for users with submissions.delete only.
    expect(screen.queryByRole('button', { name: 'Erase by email' })).not.toBeInTheDocument();
  });

  it('sends the filters from the URL and the pickers, and pages', async () => {
    const { user } = renderApp(
      '/plugins/journey/submissions?form=form-demo&from=2026-03-01&to=2026-03-10',
      READER
    );
    await screen.findByTestId('submissions-table');
    expect(requests.list).toEqual([
      'form=form-demo&from=2026-03-01&to=2026-03-10&page=1&pageSize=25',
    ]);

    await user.click(within(screen.getByTestId('submissions-filter-stage')).getByRole('combobox'));
    await user.click(screen.getByRole('option', { name: 'Decision' }));
    await waitFor(() =>
      expect(requests.list.at(-1)).toBe(
        'form=form-demo&stage=decision&from=2026-03-01&to=2026-03-10&page=1&pageSize=25'
      )
    );

    await user.click(
      within(screen.getByTestId('submissions-filter-persona')).getByRole('combobox')
    );
    await user.click(screen.getByRole('option', { name: 'Restaurant owner' }));
    await waitFor(() =>
      expect(requests.list.at(-1)).toBe(
        'form=form-demo&stage=decision&persona=restaurant-owner&from=2026-03-01&to=2026-03-10&page=1&pageSize=25'
      )
    );

    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(requests.list.at(-1)).toMatch(/&page=2&pageSize=25$/));
  });

  it('shows every field by its label, a <script> value as text, the context and delivery', async () => {
    const { user } = renderApp('/plugins/journey/submissions', READER);
    await screen.findByTestId('submissions-table');

    await user.click(
      within(screen.getByTestId('submission-row-sub-2')).getByRole('button', { name: 'View' })
    );
    const detail = await screen.findByTestId('submission-detail');
    expect(requests.detail).toEqual(['sub-2']);
    const line = (testId: string) => within(detail).getByTestId(testId).textContent;
    expect(line('submission-value-email')).toBe('Your emailada@example.com');
    expect(line('submission-value-note')).toBe('Anything else?<script>alert(1)</script>');
    expect(line('submission-value-newsletter')).toBe('NewsletterYes');
    // Text, not markup: no element was made from the value.
    expect(document.querySelector('script')).toBeNull();
    expect(line('submission-context-stage')).toBe('Stagedecision');
    expect(line('submission-context-source')).toBe(
      'source{"contentType":"plugin::journey.blog-post","documentId":"p1"}'
    );
    expect(line('submission-delivery-email')).toBe('Notification emailSent (1 attempt)');
    expect(line('submission-delivery-webhooks')).toBe('WebhooksFailed (3 attempts): HTTP 500');
    expect(screen.queryByTestId('submission-delete')).not.toBeInTheDocument();
  });

  it('deletes one submission after a confirmation', async () => {
    const { user } = renderApp('/plugins/journey/submissions', DELETER);
    await screen.findByTestId('submissions-table');
    await user.click(
      within(screen.getByTestId('submission-row-sub-2')).getByRole('button', { name: 'View' })
    );
    await screen.findByTestId('submission-detail');

    await user.click(screen.getByTestId('submission-delete'));
    expect(requests.delete).toEqual([]);
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent('Delete this submission for good? This cannot be undone.');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));

    await waitFor(() => expect(requests.delete).toEqual(['sub-2']));
    expect(await screen.findByText('Submission deleted')).toBeInTheDocument();
    // The list is asked again.
    await waitFor(() => expect(requests.list).toHaveLength(2));
  });

  it('erases a person’s submissions by email after a confirmation, and says how many went', async () => {
    const { user } = renderApp('/plugins/journey/submissions', DELETER);
    await screen.findByTestId('submissions-table');

    await user.click(screen.getByRole('button', { name: 'Erase by email' }));
    await user.type(screen.getByLabelText('Email address'), 'ada+x@example.com');
    await user.click(screen.getByRole('button', { name: 'Erase…' }));
    expect(screen.getByTestId('submissions-erase-confirm')).toHaveTextContent(
      'Delete every submission holding ada+x@example.com for good? This cannot be undone.'
    );
    expect(requests.erase).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Erase for good' }));

    expect(await screen.findByTestId('submissions-erase-result')).toHaveTextContent(
      '3 submissions deleted'
    );
    expect(requests.erase).toEqual(['email=ada+x@example.com']);
  });
});

describe('who sees Submissions', () => {
  it('sends a user with only Read submissions from the plugin’s page to Submissions', async () => {
    renderApp('/plugins/journey', READER);
    await screen.findByTestId('submissions-table');
    expect(screen.queryByTestId('journey-view-tabs')).not.toBeInTheDocument();
  });

  it('refuses Submissions to a user without Read submissions, and asks the API nothing', async () => {
    renderApp('/plugins/journey/submissions', [COVERAGE_READ_ACTION]);
    expect(
      await screen.findByText("You don't have the permissions to access that content")
    ).toBeInTheDocument();
    expect(requests.list).toEqual([]);
  });
});
