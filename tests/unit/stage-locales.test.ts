import { parseJourneyConfig } from '../../server/src/config';
import { checkStageLocales, createStageModel } from '../../server/src/stages/stage-model';
import { localeFallbacks, pickLocale } from '../../shared/stage-locales';

/** Parses `stages` and returns the error message, or null when the config is valid. */
const configError = (stages: unknown) => {
  try {
    parseJourneyConfig({ stages });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};

describe('stage texts per locale: fallbacks', () => {
  it.each([
    ['da', 'en', ['da', 'en']],
    ['da', 'da', ['da', 'en']],
    ['da-DK', 'sv', ['da-DK', 'da', 'sv', 'en']],
    // The admin's Norwegian is `no`; the presets write Bokmål, `nb`.
    ['no', 'en', ['no', 'nb', 'en']],
    [null, 'da', ['da', 'en']],
    [undefined, 'fr-FR', ['fr-FR', 'fr', 'en']],
  ] as const)('asked in %s with default %s: tries %j', (requested, defaultLocale, expected) => {
    expect(localeFallbacks(requested, defaultLocale)).toEqual(expected);
  });

  it('takes a plain value for every locale and the first fallback a map has', () => {
    expect(pickLocale('Awareness', ['da', 'en'])).toBe('Awareness');
    expect(pickLocale(['what is'], ['da', 'en'])).toEqual(['what is']);
    const label = { en: 'Awareness', da: 'Kendskab', nb: 'Bevissthet' };
    expect(pickLocale(label, ['da', 'en'])).toBe('Kendskab');
    expect(pickLocale(label, ['sv', 'nb', 'en'])).toBe('Bevissthet');
    expect(pickLocale(label, ['sv', 'en'])).toBe('Awareness');
    // A map without any fallback (the default locale changed at run time): its first entry.
    expect(pickLocale({ da: 'Kendskab', sv: 'Medvetenhet' }, ['fr', 'en'])).toBe('Kendskab');
    expect(pickLocale({ da: ['hvad er'], en: ['what is'] }, ['da', 'en'])).toEqual(['hvad er']);
  });
});

describe('stage texts per locale: config shapes', () => {
  it('accepts plain values and maps by locale code side by side', () => {
    const { stages } = parseJourneyConfig({
      stages: [
        {
          key: 'awareness',
          label: { en: 'Awareness', da: 'Kendskab' },
          description: 'One text for every language.',
          keywords: { en: ['what is'], da: ['hvad er', 'hvordan'] },
          touchpoints: ['Blog'],
        },
      ],
    });
    expect(stages).toEqual([
      {
        key: 'awareness',
        label: { en: 'Awareness', da: 'Kendskab' },
        description: 'One text for every language.',
        questions: [],
        keywords: { en: ['what is'], da: ['hvad er', 'hvordan'] },
        touchpoints: ['Blog'],
        minimum: 3,
      },
    ]);
  });

  it.each([
    [
      'a key that is no locale code',
      [{ key: 'a', label: { EN: 'A', en: 'A' } }],
      'invalid configuration. stages[0].label.EN: unknown locale code "EN": must be keyed by locale codes like "en", "da" or "fr-FR"',
    ],
    [
      'an empty map',
      [{ key: 'a', questions: {} }],
      'invalid configuration. stages[0].questions: must name at least one locale',
    ],
    [
      'a wrong value inside a map',
      [{ key: 'a', keywords: { en: ['ok'], da: [''] }, description: { da: 3 } }],
      'invalid configuration. stages[0].description.da: Invalid input: expected string, received number; stages[0].keywords.da[0]: must not be empty',
    ],
    [
      'a value that is neither a text nor a map',
      [{ key: 'a', label: 5 }],
      'invalid configuration. stages[0].label: Invalid input: expected string, received number, or a map by locale code ({ en: ..., da: ... })',
    ],
    [
      'an empty label in one locale',
      [{ key: 'a', label: { en: 'A', sv: '  ' } }],
      'invalid configuration. stages[0].label.sv: must not be empty',
    ],
  ])('refuses %s, naming the path', (_, stages, message) => {
    expect(configError(stages)).toBe(message);
  });
});

describe('stage texts per locale: the model', () => {
  const model = createStageModel(
    parseJourneyConfig({
      stages: [
        {
          key: 'awareness',
          label: { en: 'Awareness', da: 'Kendskab', 'sv-FI': 'Medvetenhet' },
          description: 'Plain',
          keywords: { en: ['what is'], da: ['hvad er'] },
        },
        { key: 'after-sale', questions: { da: ['Hvad nu?'], nb: ['Hva nå?'] } },
      ],
    }).stages
  );

  it('lists the locale codes the texts are written in', () => {
    expect(model.locales).toEqual(['da', 'en', 'nb', 'sv-FI']);
  });

  it('answers in the asked locale, then the default locale, then English', () => {
    const texts = (locale: string | null, defaultLocale: string) =>
      model.inLocale(locale, defaultLocale).map(({ label, description, questions, keywords }) => ({
        label,
        description,
        questions,
        keywords,
      }));
    expect(texts('da', 'en')).toEqual([
      { label: 'Kendskab', description: 'Plain', questions: [], keywords: ['hvad er'] },
      // No label configured: derived from the key, the same in every locale.
      { label: 'After sale', description: '', questions: ['Hvad nu?'], keywords: [] },
    ]);
    // A regional text (sv-FI) is not used for the plain language (sv): English instead.
    expect(texts('sv', 'en')).toEqual([
      { label: 'Awareness', description: 'Plain', questions: [], keywords: ['what is'] },
      // No English and no Swedish question: the first written one rather than none.
      { label: 'After sale', description: '', questions: ['Hvad nu?'], keywords: [] },
    ]);
    expect(texts('sv-FI', 'en')[0].label).toBe('Medvetenhet');
    // The default locale before English.
    expect(texts('nb', 'da')).toEqual([
      { label: 'Kendskab', description: 'Plain', questions: [], keywords: ['hvad er'] },
      { label: 'After sale', description: '', questions: ['Hva nå?'], keywords: [] },
    ]);
    expect(texts(null, 'da')[0].label).toBe('Kendskab');
    // `stages` (messages, logs) is English.
    expect(model.stages.map((stage) => stage.label)).toEqual(['Awareness', 'After sale']);
  });
});

describe('stage texts per locale: startup check', () => {
  const knownCodes = new Set(['en', 'da', 'nb', 'sv', 'sv-FI', 'fr-FR']);
  const definitions = (stages: unknown) =>
    createStageModel(parseJourneyConfig({ stages }).stages).definitions;

  it('names unknown locale codes and maps without the default locale or English', () => {
    const problems = checkStageLocales(
      definitions([
        { key: 'a', label: { en: 'A', dk: 'Æ', no: 'Å' } },
        { key: 'b', keywords: { da: ['x'], sv: ['y'] }, description: 'Plain' },
      ]),
      { knownCodes, defaultLocale: 'fr-FR' }
    );
    expect(problems).toEqual([
      'stages[0].label: unknown locale codes "dk", "no" (use ISO codes as in Settings > Internationalization, e.g. "da", "nb", "sv", "en")',
      'stages[1].keywords: must have the default locale "fr-FR" or "en" (used where a locale has no text of its own)',
    ]);
  });

  it('accepts maps with the default locale but no English, and plain values', () => {
    expect(
      checkStageLocales(
        definitions([{ key: 'a', label: { da: 'Kendskab', sv: 'Medvetenhet' }, questions: ['Q'] }]),
        { knownCodes, defaultLocale: 'da' }
      )
    ).toEqual([]);
  });

  it('accepts every preset whatever the default locale', () => {
    for (const preset of ['default', 'see-think-do-care', 'five-step'] as const) {
      expect(
        checkStageLocales(createStageModel(preset).definitions, {
          knownCodes,
          defaultLocale: 'fr-FR',
        })
      ).toEqual([]);
    }
  });
});
