import {
  contentManagerDocumentPath,
  contentManagerRelationsPath,
} from '../../admin/src/utils/contentManagerUrl';
import { stageUpdateRequest, summarizeStageUpdates } from '../../admin/src/utils/bulkStageUpdate';
import { selectedPersonas } from '../../admin/src/utils/entryPersonas';
import {
  hasJourneyAttributes,
  stageCellText,
  withoutField,
  withStageColumn,
} from '../../admin/src/utils/stageColumn';
import {
  isTaggedType,
  orderedStages,
  relabelMatrix,
  resolveStoredStage,
  stagesInLocale,
} from '../../admin/src/utils/stageModel';

import type { CoverageMatrix } from '../../shared/contracts';

import type { EditorConfig, EditorStage } from '../../admin/src/services/editor';

const stage = (key: string, label: string, order: number, minimum = 3): EditorStage => ({
  key,
  label,
  order,
  description: `${label} description`,
  questions: [`${label}?`],
  keywords: [],
  touchpoints: [],
  minimum,
  excess: null,
  translations: {},
});

const STAGES = [
  stage('decision', 'Decision', 2),
  stage('awareness', 'Awareness', 0),
  stage('consideration', 'Consideration', 1),
];

const CONFIG: EditorConfig = {
  stages: STAGES,
  defaultLocale: 'en',
  types: [
    { name: 'blog-post', uid: 'plugin::journey.blog-post', displayName: 'Blog post' },
    { name: 'article', uid: 'api::article.article', displayName: 'Article' },
  ],
};

describe('isTaggedType', () => {
  it('is true only for the types the editor config lists', () => {
    expect(isTaggedType(CONFIG, 'plugin::journey.blog-post')).toBe(true);
    expect(isTaggedType(CONFIG, 'api::article.article')).toBe(true);
    expect(isTaggedType(CONFIG, 'plugin::journey.persona')).toBe(false);
    expect(isTaggedType(CONFIG, 'admin::user')).toBe(false);
  });

  it('is false while the config is not loaded or without a model', () => {
    expect(isTaggedType(undefined, 'plugin::journey.blog-post')).toBe(false);
    expect(isTaggedType(CONFIG, undefined)).toBe(false);
  });
});

describe('resolveStoredStage', () => {
  it('finds a configured stage', () => {
    expect(resolveStoredStage(STAGES, 'decision')).toEqual({
      kind: 'configured',
      stage: STAGES[0],
    });
  });

  it('reports a stored key that is no longer configured instead of hiding it', () => {
    expect(resolveStoredStage(STAGES, 'delight')).toEqual({ kind: 'unknown', key: 'delight' });
  });

  it('treats empty values as no stage', () => {
    for (const value of [null, undefined, '', 3])
      expect(resolveStoredStage(STAGES, value)).toEqual({ kind: 'none' });
  });
});

describe('orderedStages', () => {
  it('sorts by order without touching the input', () => {
    expect(orderedStages(STAGES).map((s) => s.key)).toEqual([
      'awareness',
      'consideration',
      'decision',
    ]);
    expect(STAGES[0].key).toBe('decision');
  });
});

describe('selectedPersonas', () => {
  const saved = [
    { id: 1, documentId: 'p-owner', name: 'Restaurant owner', locale: null },
    { id: 2, documentId: 'p-chef', name: 'Chef' },
  ];

  it('lists the saved personas when the form holds no changes', () => {
    expect(selectedPersonas(saved, { connect: [], disconnect: [] })).toEqual([
      { documentId: 'p-owner', name: 'Restaurant owner' },
      { documentId: 'p-chef', name: 'Chef' },
    ]);
    expect(selectedPersonas(saved, undefined)).toHaveLength(2);
  });

  it('applies unsaved connect and disconnect rows as the Content Manager writes them', () => {
    const field = {
      connect: [
        {
          id: 7,
          apiData: { id: 7, documentId: 'p-cfo', locale: null },
          name: 'CFO',
          label: 'CFO',
          __temp_key__: 'a2',
        },
      ],
      disconnect: [{ id: 2, apiData: { id: 2, documentId: 'p-chef' } }],
    };
    expect(selectedPersonas(saved, field)).toEqual([
      { documentId: 'p-owner', name: 'Restaurant owner' },
      { documentId: 'p-cfo', name: 'CFO' },
    ]);
  });

  it('does not list a reordered saved relation twice', () => {
    const field = {
      connect: [{ id: 1, apiData: { documentId: 'p-owner' }, name: 'Restaurant owner' }],
    };
    expect(selectedPersonas(saved, field).map((p) => p.documentId)).toEqual(['p-owner', 'p-chef']);
  });

  it('falls back to the label, then the documentId, and ignores malformed rows', () => {
    const field = {
      connect: [
        { id: 8, apiData: { documentId: 'p-x' }, label: 'Labelled' },
        { id: 9, apiData: { documentId: 'p-y' } },
        'nonsense',
        { id: 10 },
      ],
    };
    expect(selectedPersonas([], field)).toEqual([
      { documentId: 'p-x', name: 'Labelled' },
      { documentId: 'p-y', name: 'p-y' },
    ]);
  });
});

describe('edit view layout', () => {
  const field = (name: string) => ({ name });
  it('leaves journeyStage out of the main form of tagged types, dropping rows left empty', () => {
    const layout = {
      metadatas: { title: {}, journeyStage: {}, personas: {} },
      layout: [
        [[field('title'), field('slug')], [field('journeyStage')], [field('personas')]],
        [[field('journeyStage')]],
      ],
    };
    expect(withoutField(layout, 'journeyStage')).toEqual([
      [[field('title'), field('slug')], [field('personas')]],
    ]);
  });

  it('leaves other types as they are, even with an attribute of that name', () => {
    const layout = {
      metadatas: { title: {}, journeyStage: {} },
      layout: [[[field('title')], [field('journeyStage')]]],
    };
    expect(withoutField(layout, 'journeyStage')).toBe(layout.layout);
  });
});

describe('list view column', () => {
  it('recognizes layouts of tagged types by the two injected attributes', () => {
    expect(hasJourneyAttributes({ title: {}, journeyStage: {}, personas: {} })).toBe(true);
    expect(hasJourneyAttributes({ title: {}, journeyStage: {} })).toBe(false);
    expect(hasJourneyAttributes({ name: {}, slug: {} })).toBe(false);
    expect(hasJourneyAttributes(undefined)).toBe(false);
  });

  it('appends the column, or puts it in place of the raw journeyStage column', () => {
    const column = { name: 'journeyStage', label: 'Journey stage' };
    expect(withStageColumn([{ name: 'id', label: 'id' }], column)).toEqual([
      { name: 'id', label: 'id' },
      column,
    ]);
    const configured = [
      { name: 'id', label: 'id' },
      { name: 'journeyStage', label: 'journeyStage' },
      { name: 'title', label: 'title' },
    ];
    expect(withStageColumn(configured, column).map((h) => h.label)).toEqual([
      'id',
      'Journey stage',
      'title',
    ]);
  });

  it('shows labels, raw keys for unconfigured stages, nothing for no stage', () => {
    expect(stageCellText(STAGES, 'decision')).toEqual({ text: 'Decision', known: true });
    expect(stageCellText(STAGES, 'delight')).toEqual({ text: 'delight', known: false });
    expect(stageCellText(undefined, 'decision')).toEqual({ text: 'decision', known: true });
    expect(stageCellText(STAGES, null)).toBeNull();
    expect(stageCellText(STAGES, '')).toBeNull();
  });
});

describe('bulk stage update', () => {
  it('uses the Content Manager update route with only the stage in the body', () => {
    expect(
      stageUpdateRequest(
        'plugin::journey.blog-post',
        { documentId: 'abc123', locale: 'da' },
        'decision'
      )
    ).toEqual({
      url: '/content-manager/collection-types/plugin::journey.blog-post/abc123',
      method: 'PUT',
      data: { journeyStage: 'decision' },
      config: { params: 'locale=da' },
    });
    expect(
      stageUpdateRequest('api::article.article', { documentId: 'x', locale: null }, 'awareness')
        .config
    ).toEqual({});
  });

  it('summarizes outcomes, most frequent failure message first', () => {
    expect(
      summarizeStageUpdates([
        { documentId: 'a', error: null },
        { documentId: 'b', error: 'Forbidden' },
        { documentId: 'c', error: 'Unknown journey stage "x"' },
        { documentId: 'd', error: 'Unknown journey stage "x"' },
      ])
    ).toEqual({
      succeeded: ['a'],
      failed: [
        { documentId: 'b', message: 'Forbidden' },
        { documentId: 'c', message: 'Unknown journey stage "x"' },
        { documentId: 'd', message: 'Unknown journey stage "x"' },
      ],
      messages: ['Unknown journey stage "x"', 'Forbidden'],
    });
    expect(summarizeStageUpdates([])).toEqual({ succeeded: [], failed: [], messages: [] });
  });

  it('builds Content Manager paths, encoding the document id', () => {
    expect(contentManagerDocumentPath('plugin::journey.cta', 'a b')).toBe(
      '/content-manager/collection-types/plugin::journey.cta/a%20b'
    );
    expect(contentManagerRelationsPath('plugin::journey.cta', 'd1', 'personas')).toBe(
      '/content-manager/relations/plugin::journey.cta/d1/personas'
    );
  });
});

describe('stagesInLocale', () => {
  const texts = (label: string, keyword: string) => ({
    label,
    description: `${label}!`,
    questions: [`${label}?`],
    keywords: [keyword],
    touchpoints: [],
  });
  const awareness: EditorStage = {
    ...stage('awareness', 'Awareness', 0),
    translations: {
      en: texts('Awareness', 'what is'),
      da: texts('Kendskab', 'hvad er'),
      nb: texts('Bevissthet', 'hva er'),
    },
  };
  const labelIn = (locale: string | null, defaultLocale = 'en') =>
    stagesInLocale({ stages: [awareness], defaultLocale }, locale)[0];

  it('takes the texts of the asked locale, its language or alias', () => {
    expect(labelIn('da')).toEqual({ ...awareness, ...texts('Kendskab', 'hvad er') });
    expect(labelIn('da-DK').label).toBe('Kendskab');
    // Strapi's admin names Norwegian `no`.
    expect(labelIn('no').label).toBe('Bevissthet');
  });

  it('falls back to the default locale, then English, then the stage as sent', () => {
    expect(labelIn('sv', 'da').label).toBe('Kendskab');
    expect(labelIn('sv', 'fr').label).toBe('Awareness');
    expect(labelIn(null, 'nb').label).toBe('Bevissthet');
    const plain = stage('decision', 'Decision', 1);
    expect(stagesInLocale({ stages: [plain], defaultLocale: 'en' }, 'da')).toEqual([plain]);
  });
});

describe('relabelMatrix', () => {
  it('puts the interface language labels on the matrix, keeping labels it has no stage for', () => {
    const matrix = {
      stages: [
        { key: 'awareness', label: 'Awareness', order: 0, minimum: 3, excess: null },
        { key: 'gone', label: 'Gone', order: 1, minimum: 3, excess: null },
      ],
      personas: [],
    } as unknown as CoverageMatrix;
    const danish = { ...stage('awareness', 'Kendskab', 0) };
    expect(relabelMatrix(matrix, [danish]).stages.map((s) => s.label)).toEqual([
      'Kendskab',
      'Gone',
    ]);
    expect(matrix.stages[0].label).toBe('Awareness');
  });
});
