import { parseJourneyConfig } from '../../server/src/config';
import { stageDefinitionSchema } from '../../server/src/config/schema';
import { createStageModel } from '../../server/src/stages/stage-model';
import { STAGE_PRESETS } from '../../server/src/stages/presets';
import { LOCALIZED_STAGE_FIELDS } from '../../shared/stage-locales';

describe('stage model', () => {
  it('uses the default preset in its order', () => {
    const model = createStageModel('default');
    expect(model.keys).toEqual(['awareness', 'consideration', 'decision', 'retention', 'advocacy']);
    expect(model.stages.map((s) => s.order)).toEqual([0, 1, 2, 3, 4]);
  });

  it('ships the presets the seed articles describe', () => {
    expect(createStageModel('see-think-do-care').keys).toEqual([
      'awareness',
      'consideration',
      'decision',
      'delight',
    ]);
    expect(createStageModel('five-step').keys).toEqual([
      'awareness',
      'research',
      'consideration',
      'decision',
      'post-purchase',
    ]);
  });

  it.each(Object.entries(STAGE_PRESETS))(
    'preset %s is valid config with real guidance in en, da, nb and sv',
    (name, stages) => {
      expect(() => parseJourneyConfig({ stages })).not.toThrow();
      const model = createStageModel(name as keyof typeof STAGE_PRESETS);
      const english = model.inLocale('en', 'en');
      for (const definition of stages) {
        expect(stageDefinitionSchema.parse(definition)).toEqual(definition);
        for (const field of LOCALIZED_STAGE_FIELDS) {
          expect(Object.keys(definition[field]).sort()).toEqual(['da', 'en', 'nb', 'sv']);
        }
      }
      for (const locale of ['en', 'da', 'nb', 'sv']) {
        model.inLocale(locale, 'en').forEach((stage, index) => {
          expect(stage.description.length).toBeGreaterThan(40);
          expect(stage.questions.length).toBeGreaterThanOrEqual(3);
          expect(stage.keywords.length).toBeGreaterThanOrEqual(5);
          expect(stage.touchpoints.length).toBeGreaterThanOrEqual(3);
          if (locale === 'en') return;
          // Written in the language, not copied from the English (a few keywords, like "vs" or
          // "guide", are what Scandinavian searchers type too).
          const en = english[index];
          expect(stage.label).not.toBe(en.label);
          expect(stage.description).not.toBe(en.description);
          expect(stage.questions.filter((question) => en.questions.includes(question))).toEqual([]);
          const shared = stage.keywords.filter((keyword) => en.keywords.includes(keyword));
          expect(shared.length).toBeLessThanOrEqual(3);
        });
      }
    }
  );

  it("names the default preset in the articles' words", () => {
    const labels = (locale: string) =>
      createStageModel('default')
        .inLocale(locale, 'en')
        .map((stage) => stage.label);
    expect(labels('da')).toEqual(['Kendskab', 'Overvejelse', 'Køb', 'Brug', 'Loyalitet']);
    expect(labels('nb')).toEqual(['Bevissthet', 'Vurdering', 'Kjøp', 'Bruk', 'Lojalitet']);
    expect(labels('sv')).toEqual(['Medvetenhet', 'Övervägande', 'Köp', 'Användning', 'Lojalitet']);
    expect(
      createStageModel('see-think-do-care')
        .inLocale('nb', 'en')
        .map((stage) => stage.label)
    ).toEqual(['Bevissthet', 'Vurdering', 'Beslutning', 'Glede']);
    expect(
      createStageModel('five-step')
        .inLocale('sv', 'en')
        .map((stage) => stage.label)
    ).toEqual(['Medvetenhet', 'Forskning', 'Övervägande', 'Beslut', 'Efterköp']);
  });

  it('follows a custom list, labelling stages that have no label', () => {
    const { stages } = parseJourneyConfig({
      stages: [{ key: 'discover' }, { key: 'post-purchase', label: 'After' }],
    });
    const model = createStageModel(stages);
    expect(model.stages.map(({ key, label, order }) => ({ key, label, order }))).toEqual([
      { key: 'discover', label: 'Discover', order: 0 },
      { key: 'post-purchase', label: 'After', order: 1 },
    ]);
  });

  it('knows which stage comes next', () => {
    const model = createStageModel('default');
    expect(model.next('awareness')?.key).toBe('consideration');
    expect(model.next('retention')?.key).toBe('advocacy');
    expect(model.next('advocacy')).toBeNull();
    expect(() => model.next('awarness')).toThrow('Unknown journey stage "awarness"');
  });

  it('describes an unknown key with the valid ones', () => {
    const model = createStageModel('see-think-do-care');
    expect(model.has('delight')).toBe(true);
    expect(model.has('advocacy')).toBe(false);
    expect(model.get('decision')?.label).toBe('Decision');
    expect(model.describeUnknown('advocacy')).toBe(
      'Unknown journey stage "advocacy". Valid stages: awareness, consideration, decision, delight.'
    );
  });

  it('says what a stage is when given something that is not text', () => {
    expect(createStageModel('see-think-do-care').describeNotText()).toBe(
      'The journey stage must be one of the configured keys, given as text: awareness, consideration, decision, delight.'
    );
  });
});
