import { Form } from '@strapi/strapi/admin';
import { render, screen, server } from '@strapi/strapi/admin/test';
import { http, HttpResponse } from 'msw';

import { BUILT_IN_TYPES, SUBMISSIONS_READ_ACTION } from '../../shared/constants';
import { JourneyPanel } from '../../admin/src/components/JourneyEditPanel';
import { useJourneyPermissions } from '../../admin/src/hooks/useJourneyPermissions';
import { BACKEND_URL, BLOG_POST_UID, EDITOR_CONFIG, permission } from './fixtures/journey';

import type { EditorConfig } from '../../admin/src/services/editor';
import type { SubmissionsResponse } from '../../shared/contracts';
import type { PanelComponentProps } from '@strapi/content-manager/strapi-admin';

/*
 * A form's edit view: the Journey panel counts its submissions and links to the Submissions view
 * filtered to it, for editors with Read submissions; other types and other editors ask nothing.
 */

const FORM_ID = 'form-demo';

const CONFIG: EditorConfig = {
  ...EDITOR_CONFIG,
  types: [...EDITOR_CONFIG.types, { name: 'form', uid: BUILT_IN_TYPES.form, displayName: 'Form' }],
};

const COUNT: SubmissionsResponse = {
  data: [],
  meta: { pagination: { page: 1, pageSize: 1, pageCount: 27, total: 27 } },
};

let requests: string[];

beforeEach(() => {
  requests = [];
  server.use(
    http.get(`${BACKEND_URL}/journey/editor`, () => HttpResponse.json({ data: CONFIG })),
    http.get(`${BACKEND_URL}/content-manager/relations/:uid/:documentId/:field`, () =>
      HttpResponse.json({
        results: [],
        pagination: { page: 1, pageSize: 100, pageCount: 0, total: 0 },
      })
    ),
    http.get(`${BACKEND_URL}/journey/submissions`, ({ request }) => {
      requests.push(decodeURIComponent(new URL(request.url).search.slice(1)));
      return HttpResponse.json(COUNT);
    })
  );
});

const Panel = ({ model }: { model: string }) => {
  const panel = JourneyPanel({
    model,
    collectionType: 'collection-types',
    documentId: FORM_ID,
    document: { id: 1, documentId: FORM_ID, locale: 'en' } as PanelComponentProps['document'],
    activeTab: 'draft',
  });
  return panel ? <section aria-label={panel.title}>{panel.content}</section> : null;
};

/** Settles once the signed-in user's permissions have loaded (the panel reads them the same way). */
const PermissionSettled = () => {
  const { isLoading } = useJourneyPermissions();
  return isLoading ? null : <span data-testid="permission-settled" />;
};

const renderPanel = (model: string, actions: string[]) =>
  render(
    <Form method="PUT" initialValues={{ journeyStage: null }}>
      <Panel model={model} />
      <PermissionSettled />
    </Form>,
    { providerOptions: { permissions: actions.map((action) => permission(action)) } }
  );

describe('a form’s submissions in the Journey panel', () => {
  it('counts the form’s submissions and links to them', async () => {
    renderPanel(BUILT_IN_TYPES.form, [SUBMISSIONS_READ_ACTION]);

    expect(await screen.findByTestId('journey-form-submissions-count')).toHaveTextContent(
      '27 submissions'
    );
    expect(screen.getByTestId('journey-form-submissions-link')).toHaveAttribute(
      'href',
      '/plugins/journey/submissions?form=form-demo'
    );
    expect(requests).toEqual(['form=form-demo&pageSize=1']);
  });

  it('asks nothing of an editor without Read submissions', async () => {
    renderPanel(BUILT_IN_TYPES.form, []);

    await screen.findByTestId('journey-panel');
    await screen.findByTestId('permission-settled');
    expect(requests).toEqual([]);
    expect(screen.queryByTestId('journey-form-submissions')).not.toBeInTheDocument();
  });

  it('shows no count on other types', async () => {
    renderPanel(BLOG_POST_UID, [SUBMISSIONS_READ_ACTION]);

    await screen.findByTestId('journey-panel');
    await screen.findByTestId('permission-settled');
    expect(requests).toEqual([]);
    expect(screen.queryByTestId('journey-form-submissions')).not.toBeInTheDocument();
  });
});
