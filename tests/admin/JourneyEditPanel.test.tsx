import { Form, useForm } from '@strapi/strapi/admin';
import { render, screen, server } from '@strapi/strapi/admin/test';
import { http, HttpResponse } from 'msw';

import { COVERAGE_READ_ACTION, PERFORMANCE_READ_ACTION } from '../../shared/constants';
import { JourneyPanel } from '../../admin/src/components/JourneyEditPanel';
import { useJourneyPermissions } from '../../admin/src/hooks/useJourneyPermissions';
import { useCachedEntryPerformance } from '../../admin/src/services/performance';
import { BACKEND_URL, BLOG_POST_UID, EDITOR_CONFIG, OWNER, permission } from './fixtures/journey';
import { ENTRY_PERFORMANCE, days } from './fixtures/performance';

import type { EntryCoverageResponse, EntryPerformanceResponse } from '../../shared/contracts';
import type { PanelComponentProps } from '@strapi/content-manager/strapi-admin';

/*
 * The Journey side panel of the Content Manager's edit view, rendered as the edit view renders it:
 * the description component is called for { title, content } and the content shown inside the
 * edit view's form. HTTP is answered by msw: the editor config, the entry's saved personas (the
 * Content Manager's relations endpoint) and the entry coverage endpoint.
 */

const DOCUMENT_ID = 'post-1';

const PANEL_PROPS: PanelComponentProps = {
  model: BLOG_POST_UID,
  collectionType: 'collection-types',
  documentId: DOCUMENT_ID,
  document: { id: 1, documentId: DOCUMENT_ID, locale: 'en' } as PanelComponentProps['document'],
  activeTab: 'draft',
};

const EditViewPanel = ({ locale = 'en', isNew = false }: { locale?: string; isNew?: boolean }) => {
  const document = { ...PANEL_PROPS.document, locale } as PanelComponentProps['document'];
  // The create view: no document yet, the locale from the create link.
  const panel = isNew
    ? JourneyPanel({ ...PANEL_PROPS, document: undefined, documentId: undefined })
    : JourneyPanel({ ...PANEL_PROPS, document });
  return panel ? <section aria-label={panel.title}>{panel.content}</section> : null;
};

/** The form's current stage value, as Save would send it. */
const StageFormValue = () => {
  const value = useForm(
    'StageFormValue',
    (state) => (state.values as Record<string, unknown>).journeyStage
  );
  return <output data-testid="form-stage">{String(value)}</output>;
};

/**
 * Settles once the signed-in user's permissions have loaded. Rendered after the panel, which reads
 * them through the same hook, so by then the panel has decided what it may show.
 */
const PermissionsSettled = () => {
  const { isLoading } = useJourneyPermissions();
  return isLoading ? null : <span data-testid="permissions-settled" />;
};

/**
 * Settles once the entry's numbers were answered, whatever the answer: it reads the same cache
 * entry as the panel, so when it reports an error the panel has seen that error too.
 */
/**
 * Settled once the panel's own request for the numbers has answered. It reads the cache without
 * subscribing: a second subscriber would fetch again when it mounts after that answer, and the
 * request count would depend on timing.
 */
const EntryPerformanceSettled = () => {
  const { isError, isSuccess } = useCachedEntryPerformance({
    type: 'blog-post',
    documentId: DOCUMENT_ID,
    locale: 'en',
  });
  return isError || isSuccess ? (
    <span data-testid="entry-performance-settled" data-error={String(isError)} />
  ) : null;
};

const renderPanel = (
  storedStage: string | null,
  { canReadCoverage = false, canReadPerformance = false, locale = 'en', isNew = false } = {}
) =>
  render(
    <Form
      method="PUT"
      initialValues={{ journeyStage: storedStage, personas: { connect: [], disconnect: [] } }}
    >
      <EditViewPanel locale={locale} isNew={isNew} />
      <StageFormValue />
      <PermissionsSettled />
    </Form>,
    {
      providerOptions: {
        permissions: [
          ...(canReadCoverage ? [permission(COVERAGE_READ_ACTION)] : []),
          ...(canReadPerformance ? [permission(PERFORMANCE_READ_ACTION)] : []),
        ],
      },
    }
  );

const ENTRY_COVERAGE: EntryCoverageResponse['data'] = {
  stage: { key: 'awareness', label: 'Awareness', order: 0, minimum: 3, excess: null },
  locale: 'en',
  lines: [{ persona: OWNER, count: 2, stale: 1, minimum: 3, status: 'thin' }],
};

const SAVED_PERSONAS = {
  results: [{ id: 7, documentId: OWNER.documentId, name: OWNER.name }],
  pagination: { page: 1, pageSize: 100, pageCount: 1, total: 1 },
};

/** The Content Manager's relations endpoint for the entry's personas, answered by `answer`. */
const savedPersonasHandler = (answer: () => Promise<Response> | Response) =>
  http.get(`${BACKEND_URL}/content-manager/relations/:uid/:documentId/:field`, ({ params }) => {
    expect(params).toEqual({ uid: BLOG_POST_UID, documentId: DOCUMENT_ID, field: 'personas' });
    return answer();
  });

let entryCoverageRequests: URLSearchParams[];
let entryPerformanceRequests: string[];
let entryPerformanceAnswer: () => Response;
let fetchCalls: string[];

beforeEach(() => {
  entryCoverageRequests = [];
  entryPerformanceRequests = [];
  entryPerformanceAnswer = () => HttpResponse.json({ data: ENTRY_PERFORMANCE });
  server.use(
    http.get(`${BACKEND_URL}/journey/performance/entry`, ({ request }) => {
      entryPerformanceRequests.push(new URL(request.url).searchParams.toString());
      return entryPerformanceAnswer();
    }),
    http.get(`${BACKEND_URL}/journey/editor`, () => HttpResponse.json({ data: EDITOR_CONFIG })),
    savedPersonasHandler(() => HttpResponse.json(SAVED_PERSONAS)),
    http.get(`${BACKEND_URL}/journey/coverage/entry`, ({ request }) => {
      entryCoverageRequests.push(new URL(request.url).searchParams);
      return HttpResponse.json({ data: ENTRY_COVERAGE });
    })
  );
  // Every request the admin's fetch client makes, recorded as it is made (msw answers later).
  fetchCalls = [];
  const fetchThroughMsw = globalThis.fetch;
  jest.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    fetchCalls.push(input instanceof Request ? input.url : String(input));
    return fetchThroughMsw(input, init);
  });
});

afterEach(() => {
  jest.restoreAllMocks();
});

const option = (key: string) => screen.getByTestId(`journey-stage-option-${key}`);

describe('the Journey edit view panel', () => {
  it('shows the stored stage selected, and only that one', async () => {
    renderPanel('awareness');

    await screen.findByTestId('journey-panel');
    expect(option('awareness')).toHaveAttribute('data-selected', 'true');
    expect(option('decision')).toHaveAttribute('data-selected', 'false');
    expect(option('retention')).toHaveAttribute('data-selected', 'false');
    expect(screen.getByRole('radio', { name: /^Awareness/ })).toBeChecked();
    expect(screen.getByTestId('journey-guidance')).toHaveAttribute('data-stage', 'awareness');
    expect(screen.queryByTestId('journey-unknown-stage')).not.toBeInTheDocument();
  });

  it('sets the form value to a picked stage and shows its questions and keywords', async () => {
    const { user } = renderPanel('awareness');
    await screen.findByTestId('journey-panel');
    expect(screen.getByTestId('form-stage')).toHaveTextContent('awareness');

    await user.click(screen.getByRole('radio', { name: /^Decision/ }));

    expect(screen.getByTestId('form-stage')).toHaveTextContent('decision');
    expect(option('decision')).toHaveAttribute('data-selected', 'true');
    expect(option('awareness')).toHaveAttribute('data-selected', 'false');
    const guidance = screen.getByTestId('journey-guidance');
    expect(guidance).toHaveAttribute('data-stage', 'decision');
    expect(
      [...screen.getByTestId('journey-guidance-questions').querySelectorAll('li')].map(
        (item) => item.textContent
      )
    ).toEqual(['Which plan fits my restaurant?', 'What does it cost?']);
    expect(
      [...screen.getByTestId('journey-guidance-keywords').querySelectorAll('li')].map(
        (item) => item.textContent
      )
    ).toEqual(['pricing', 'demo']);
  });

  it('gives the guidance in the entry’s locale, the stage labels in the interface language', async () => {
    renderPanel('decision', { locale: 'da' });
    await screen.findByTestId('journey-panel');
    const items = (testId: string) =>
      [...screen.getByTestId(testId).querySelectorAll('li')].map((item) => item.textContent);

    expect(items('journey-guidance-questions')).toEqual([
      'Hvilken plan passer til min restaurant?',
      'Hvad koster det?',
    ]);
    expect(items('journey-guidance-keywords')).toEqual(['pris', 'book demo']);
    expect(screen.getByTestId('journey-guidance-locale')).toHaveTextContent(
      'Guidance in the language of this entry: Danish'
    );
    // The admin is in English: the cards and the heading keep the English labels.
    expect(screen.getByRole('radio', { name: /^Decision/ })).toBeChecked();
    expect(screen.getByTestId('journey-guidance')).toHaveTextContent('Writing for Decision');
  });

  it('says nothing about the language when the entry’s locale has no texts of its own', async () => {
    renderPanel('awareness', { locale: 'fr' });
    await screen.findByTestId('journey-panel');
    expect(screen.getByTestId('journey-guidance-keywords')).toHaveTextContent('why');
    expect(screen.queryByTestId('journey-guidance-locale')).not.toBeInTheDocument();
  });

  it('shows no coverage line, and asks for none, to an editor without Read coverage', async () => {
    renderPanel('awareness', { canReadCoverage: false });

    // The saved persona is listed and the permission answered: the line would be asked for now.
    expect(await screen.findByTestId('journey-personas')).toHaveTextContent(OWNER.name);
    await screen.findByTestId('permissions-settled');

    expect(fetchCalls.filter((url) => url.includes('/journey/coverage'))).toEqual([]);
    expect(entryCoverageRequests).toEqual([]);
    expect(screen.queryByTestId('journey-coverage-line')).not.toBeInTheDocument();
    expect(screen.queryByTestId('journey-coverage-link')).not.toBeInTheDocument();
  });

  it('shows the entry endpoint’s counts to an editor with Read coverage', async () => {
    renderPanel('awareness', { canReadCoverage: true });

    const line = await screen.findByTestId('journey-coverage-line');
    expect(line).toHaveAttribute('data-status', 'thin');
    expect(line).toHaveTextContent('Awareness x Restaurant owner: 2 of 3');
    expect(screen.getByTestId('journey-coverage-link')).toHaveAttribute(
      'href',
      '/plugins/journey?locale=en'
    );
    // Asked once, for this stage, the entry's persona and its locale.
    expect(entryCoverageRequests.map((params) => params.toString())).toEqual([
      'stage=awareness&personas=persona-owner&locale=en',
    ]);
  });

  it('asks for the line only once the entry’s saved personas are known', async () => {
    let answerPersonas = () => {};
    const personasAnswered = new Promise<void>((resolve) => {
      answerPersonas = resolve;
    });
    server.use(
      savedPersonasHandler(async () => {
        await personasAnswered;
        return HttpResponse.json(SAVED_PERSONAS);
      })
    );
    renderPanel('awareness', { canReadCoverage: true });

    // Allowed to read coverage, personas still unknown: nothing asked yet.
    await screen.findByTestId('permissions-settled');
    await screen.findByTestId('journey-guidance');
    expect(fetchCalls.filter((url) => url.includes('/journey/coverage'))).toEqual([]);

    answerPersonas();
    expect(await screen.findByTestId('journey-coverage-line')).toHaveTextContent(
      'Awareness x Restaurant owner: 2 of 3'
    );
    expect(entryCoverageRequests.map((params) => params.toString())).toEqual([
      'stage=awareness&personas=persona-owner&locale=en',
    ]);
  });

  it('asks for the stage total when the editor may not read the entry’s personas', async () => {
    server.use(
      savedPersonasHandler(() =>
        HttpResponse.json(
          {
            data: null,
            error: { status: 403, name: 'ForbiddenError', message: 'Forbidden', details: {} },
          },
          { status: 403 }
        )
      )
    );
    renderPanel('awareness', { canReadCoverage: true });

    await screen.findByTestId('journey-coverage-line');
    expect(entryCoverageRequests.map((params) => params.toString())).toEqual([
      'stage=awareness&locale=en',
    ]);
    // No persona list rather than a wrong one.
    expect(screen.queryByTestId('journey-personas')).not.toBeInTheDocument();
  });

  it('names a stored stage that is no longer configured, with no stage selected', async () => {
    renderPanel('delight');

    const warning = await screen.findByTestId('journey-unknown-stage');
    expect(warning).toHaveTextContent(
      'Stored stage "delight" is no longer configured; choose a stage.'
    );
    for (const { key } of EDITOR_CONFIG.stages) {
      expect(option(key)).toHaveAttribute('data-selected', 'false');
    }
    expect(screen.queryByTestId('journey-guidance')).not.toBeInTheDocument();
    // The stored value is kept until the editor picks another stage.
    expect(screen.getByTestId('form-stage')).toHaveTextContent('delight');
  });

  it('is not added to a type that is not tagged', async () => {
    const PersonaEditView = () => {
      const panel = JourneyPanel({ ...PANEL_PROPS, model: 'plugin::journey.persona' });
      return panel ? <section aria-label="Persona panel">{panel.content}</section> : null;
    };
    render(
      <Form method="PUT" initialValues={{ journeyStage: 'awareness' }}>
        <EditViewPanel />
        <PersonaEditView />
      </Form>
    );

    // The config is loaded (the blog post's panel shows): the persona's edit view still has none.
    await screen.findByRole('region', { name: 'Journey' });
    expect(screen.queryByRole('region', { name: 'Persona panel' })).not.toBeInTheDocument();
    expect(screen.getAllByTestId('journey-panel')).toHaveLength(1);
  });
});

describe('the Journey panel’s performance numbers', () => {
  const performanceCalls = () => fetchCalls.filter((url) => url.includes('/journey/performance'));

  it('shows the entry’s views, clicks and conversions of the last 30 days, with a sparkline', async () => {
    renderPanel('awareness', { canReadPerformance: true });

    const numbers = await screen.findByTestId('journey-performance');
    expect(screen.getByTestId('journey-performance-views')).toHaveTextContent('1,234');
    expect(screen.getByTestId('journey-performance-clicks')).toHaveTextContent('56');
    expect(screen.getByTestId('journey-performance-conversions')).toHaveTextContent('7');
    expect(screen.getByTestId('journey-performance-rate')).toHaveTextContent(
      'Conversion rate: 0.6%'
    );
    expect(numbers).toHaveTextContent('Performance, last 30 days');

    const sparkline = screen.getByRole('img', {
      name: 'Views per day from Feb 9, 2026 to Mar 10, 2026: 1,234 in total, at most 600 a day',
    });
    // 34 views on the first day, the peak (600) on the 16th and the last day, none in between.
    const points = sparkline.getAttribute('data-points')!.split(' ');
    expect(points).toHaveLength(30);
    expect(points[0]).toBe('0,22.64');
    expect(points[1]).toBe('3.45,24');
    expect(points[15]).toBe('51.72,0');
    expect(points[29]).toBe('100,0');

    expect(screen.getByTestId('journey-performance-link')).toHaveAttribute(
      'href',
      '/plugins/journey/performance?locale=en'
    );
    // Asked once, for this entry's type name, document and locale.
    expect(entryPerformanceRequests).toEqual(['type=blog-post&documentId=post-1&locale=en']);
  });

  it('shows zeros for an entry nobody has seen yet', async () => {
    const quiet: EntryPerformanceResponse['data'] = {
      ...ENTRY_PERFORMANCE,
      totals: { views: 0, clicks: 0, conversions: 0, conversionRate: null },
      days: days('2026-02-09', 30),
    };
    entryPerformanceAnswer = () => HttpResponse.json({ data: quiet });
    renderPanel('awareness', { canReadPerformance: true });

    await screen.findByTestId('journey-performance');
    expect(screen.getByTestId('journey-performance-views')).toHaveTextContent(/^0$/);
    expect(screen.getByTestId('journey-performance-clicks')).toHaveTextContent(/^0$/);
    expect(screen.getByTestId('journey-performance-conversions')).toHaveTextContent(/^0$/);
    expect(screen.getByTestId('journey-performance-rate')).toHaveTextContent(
      'Conversion rate: no views'
    );
    expect(screen.getByRole('img', { name: /: 0 in total, at most 0 a day$/ })).toHaveAttribute(
      'data-points',
      expect.stringMatching(/^0,24 3\.45,24 .* 100,24$/)
    );
  });

  it('shows nothing, quietly, when the server refuses the numbers (403)', async () => {
    entryPerformanceAnswer = () =>
      HttpResponse.json(
        {
          data: null,
          error: { status: 403, name: 'ForbiddenError', message: 'Forbidden', details: {} },
        },
        { status: 403 }
      );
    render(
      <Form method="PUT" initialValues={{ journeyStage: 'awareness' }}>
        <EditViewPanel />
        <EntryPerformanceSettled />
      </Form>,
      { providerOptions: { permissions: [permission(PERFORMANCE_READ_ACTION)] } }
    );

    expect(await screen.findByTestId('entry-performance-settled')).toHaveAttribute(
      'data-error',
      'true'
    );
    expect(entryPerformanceRequests).toEqual(['type=blog-post&documentId=post-1&locale=en']);
    // No numbers, no error, no heading: as if the feature were not there.
    expect(screen.getByTestId('journey-panel')).not.toHaveTextContent(/performance|forbidden/i);
    expect(screen.queryByTestId('journey-performance')).not.toBeInTheDocument();
  });

  it('asks for no numbers, and shows none, to an editor without Read performance', async () => {
    renderPanel('awareness', { canReadCoverage: true });

    // The coverage line shows: the panel is complete, and the permission was answered.
    await screen.findByTestId('journey-coverage-line');
    await screen.findByTestId('permissions-settled');
    expect(performanceCalls()).toEqual([]);
    expect(screen.queryByTestId('journey-performance')).not.toBeInTheDocument();
  });

  it('asks for no numbers for an entry not saved yet', async () => {
    renderPanel('awareness', { canReadPerformance: true, isNew: true });

    await screen.findByTestId('journey-guidance');
    await screen.findByTestId('permissions-settled');
    expect(performanceCalls()).toEqual([]);
    expect(screen.queryByTestId('journey-performance')).not.toBeInTheDocument();
  });
});
