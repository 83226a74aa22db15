import { parseJourneyConfig } from '../../server/src/config';
import { stageDefinitionSchema } from '../../server/src/config/schema';
import { createStageModel } from '../../server/src/stages/stage-model';
import { STAGE_PRESETS } from '../../server/src/stages/presets';

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
    'preset %s is valid config with real guidance',
    (_, stages) => {
      expect(() => parseJourneyConfig({ stages })).not.toThrow();
      for (const definition of stages) {
        expect(stageDefinitionSchema.parse(definition)).toEqual(definition);
        expect(definition.description.length).toBeGreaterThan(40);
        expect(definition.questions.length).toBeGreaterThanOrEqual(3);
        expect(definition.touchpoints.length).toBeGreaterThanOrEqual(3);
      }
    }
  );

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
});
