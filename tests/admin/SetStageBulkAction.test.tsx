import * as React from 'react';

import { Button, Modal } from '@strapi/design-system';
import { DocumentRBAC } from '@strapi/content-manager/strapi-admin';
import { adminApi, Table, useTable } from '@strapi/strapi/admin';
import { render, screen, server, waitFor } from '@strapi/strapi/admin/test';
import { within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';

import { SetJourneyStageAction } from '../../admin/src/components/SetStageBulkAction';
import { useCoverageMatrix, useEntryCoverage } from '../../admin/src/services/coverage';
import { DEFAULT_COVERAGE_FILTERS } from '../../admin/src/utils/coverageParams';
import { BACKEND_URL, BLOG_POST_UID, EDITOR_CONFIG, OWNER, permission } from './fixtures/journey';

import type { BulkActionComponentProps } from '@strapi/content-manager/strapi-admin';

/*
 * The bulk "Set journey stage" action of the Content Manager's list view, rendered the way the
 * list renders bulk actions: the description component is called with the selected rows of the
 * list's table, and a modal shows its content. Around it, what its write must refresh: the
 * Content Manager's list (a query providing the tags its own list query provides) and a coverage
 * matrix and entry line that are on screen. HTTP is answered by msw.
 */

type Row = BulkActionComponentProps['documents'][number];

const row = (id: number, documentId: string, title: string) =>
  ({ id, documentId, locale: 'en', title, journeyStage: 'awareness' }) as unknown as Row;
const ACCEPTED = row(1, 'post-accepted', 'Opening a restaurant');
const REJECTED = row(2, 'post-rejected', 'Menu pricing');
const REJECTION = 'title must be at most 20 characters';

/** The Content Manager's list query as far as caching goes: the tags of its getAllDocuments. */
const listApi = adminApi.enhanceEndpoints({ addTagTypes: ['Document'] }).injectEndpoints({
  endpoints: (builder) => ({
    getListForTest: builder.query<{ results: Row[] }, string>({
      query: (model) => `/content-manager/collection-types/${model}`,
      providesTags: (result, _error, model) => [
        { type: 'Document', id: 'ALL_LIST' },
        { type: 'Document', id: `${model}_LIST` },
        ...(result?.results ?? []).map(({ documentId }) => ({
          type: 'Document' as const,
          id: `${model}_${documentId}`,
        })),
      ],
    }),
  }),
});

/** The bulk actions bar: the action's button, and its modal as the Content Manager shows it. */
const BulkActions = () => {
  const selectedRows = useTable('BulkActions', (state) => state.selectedRows) as Row[];
  const [isOpen, setIsOpen] = React.useState(false);
  const action = SetJourneyStageAction({
    model: BLOG_POST_UID,
    collectionType: 'collection-types',
    documents: selectedRows,
  });
  if (!action || action.dialog?.type !== 'modal') return null;
  const { title, content: Content } = action.dialog;
  const close = () => setIsOpen(false);

  return (
    <>
      <Button variant={action.variant} onClick={() => setIsOpen(true)}>
        {action.label}
      </Button>
      <Modal.Root open={isOpen} onOpenChange={setIsOpen}>
        <Modal.Content>
          <Modal.Header>
            <Modal.Title>{title}</Modal.Title>
          </Modal.Header>
          {typeof Content === 'function' ? <Content onClose={close} /> : Content}
        </Modal.Content>
      </Modal.Root>
    </>
  );
};

const SelectedRows = () => {
  const selectedRows = useTable('SelectedRows', (state) => state.selectedRows) as Row[];
  return (
    <ul aria-label="Selected entries">
      {selectedRows.map((selected) => (
        <li key={selected.documentId}>{selected.documentId}</li>
      ))}
    </ul>
  );
};

/** Coverage on screen while the action runs: it must be read again after the write. */
const CoverageOnScreen = () => {
  useCoverageMatrix(DEFAULT_COVERAGE_FILTERS);
  useEntryCoverage({ stage: 'awareness', personaDocumentIds: [OWNER.documentId], locale: 'en' });
  return null;
};

const ListView = () => {
  const { data } = listApi.useGetListForTestQuery(BLOG_POST_UID);
  if (!data) return null;
  return (
    // No permissions passed: it reads the user's, as the Content Manager's list does.
    <DocumentRBAC model={BLOG_POST_UID} permissions={null}>
      {/* Both rows checked, as an editor would have done before opening the action. */}
      <Table.Root rows={data.results} defaultSelectedRows={data.results} headers={[]}>
        <BulkActions />
        <SelectedRows />
      </Table.Root>
      <CoverageOnScreen />
    </DocumentRBAC>
  );
};

interface Requests {
  list: number;
  coverage: number;
  entryCoverage: number;
  updates: Array<{ documentId: string; locale: string | null; body: unknown }>;
}
let requests: Requests;

beforeEach(() => {
  requests = { list: 0, coverage: 0, entryCoverage: 0, updates: [] };
  server.use(
    http.get(`${BACKEND_URL}/journey/editor`, () => HttpResponse.json({ data: EDITOR_CONFIG })),
    http.get(`${BACKEND_URL}/content-manager/collection-types/:uid`, ({ params }) => {
      expect(params.uid).toBe(BLOG_POST_UID);
      requests.list += 1;
      return HttpResponse.json({
        results: [ACCEPTED, REJECTED],
        pagination: { page: 1, pageSize: 10, pageCount: 1, total: 2 },
      });
    }),
    http.put(
      `${BACKEND_URL}/content-manager/collection-types/:uid/:documentId`,
      async ({ params, request }) => {
        const documentId = String(params.documentId);
        requests.updates.push({
          documentId,
          locale: new URL(request.url).searchParams.get('locale'),
          body: await request.json(),
        });
        if (documentId === REJECTED.documentId) {
          return HttpResponse.json(
            {
              data: null,
              error: { status: 400, name: 'ValidationError', message: REJECTION, details: {} },
            },
            { status: 400 }
          );
        }
        return HttpResponse.json({ data: { ...ACCEPTED, journeyStage: 'retention' } });
      }
    ),
    http.get(`${BACKEND_URL}/journey/coverage`, () => {
      requests.coverage += 1;
      // The action does not read the matrix: an empty one is enough.
      return HttpResponse.json({ data: { stages: [], personas: [], cells: [] } });
    }),
    http.get(`${BACKEND_URL}/journey/coverage/entry`, () => {
      requests.entryCoverage += 1;
      return HttpResponse.json({
        data: { stage: EDITOR_CONFIG.stages[0], locale: 'en', lines: [] },
      });
    })
  );
});

describe('the bulk "Set journey stage" action', () => {
  it('names why some entries failed, keeps them selected, and refreshes list and coverage', async () => {
    const { user } = render(<ListView />, {
      providerOptions: {
        permissions: [permission('plugin::content-manager.explorer.update', BLOG_POST_UID)],
      },
    });

    const selected = await screen.findByRole('list', { name: 'Selected entries' });
    expect(
      within(selected)
        .getAllByRole('listitem')
        .map((item) => item.textContent)
    ).toEqual([ACCEPTED.documentId, REJECTED.documentId]);
    await waitFor(() => expect(requests).toMatchObject({ list: 1, coverage: 1, entryCoverage: 1 }));

    await user.click(await screen.findByRole('button', { name: 'Set journey stage' }));
    const dialog = await screen.findByRole('dialog', { name: 'Set journey stage' });
    expect(dialog).toHaveTextContent('Choose the journey stage for the 2 selected entries.');
    const apply = within(dialog).getByRole('button', { name: 'Set stage' });
    expect(apply).toBeDisabled();
    await user.click(within(dialog).getByRole('combobox'));
    await user.click(await screen.findByRole('option', { name: 'Retention' }));
    expect(apply).toBeEnabled();
    await user.click(apply);

    // One update per entry, in order, each with only the stage and the row's locale.
    expect(
      await screen.findByText(
        `Journey stage set to Retention for 1 of 2 entries. The others failed: ${REJECTION}`
      )
    ).toBeInTheDocument();
    expect(requests.updates).toEqual([
      { documentId: ACCEPTED.documentId, locale: 'en', body: { journeyStage: 'retention' } },
      { documentId: REJECTED.documentId, locale: 'en', body: { journeyStage: 'retention' } },
    ]);

    // The failed entry stays selected for a retry; the updated one is deselected.
    await waitFor(() =>
      expect(
        within(selected)
          .getAllByRole('listitem')
          .map((item) => item.textContent)
      ).toEqual([REJECTED.documentId])
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    // The write invalidated the list, the coverage matrix and the entry line: each read again once.
    await waitFor(() => expect(requests).toMatchObject({ list: 2, coverage: 2, entryCoverage: 2 }));
  });
});
