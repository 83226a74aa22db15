import type { StageResponseItem } from '../../../shared/contracts';
import type { Stage } from './types';

/** The stages as the content API shows them (REST `/stages`, GraphQL `journeyStages`). */
export const toStageResponseItems = (stages: readonly Stage[]): StageResponseItem[] =>
  stages.map(({ key, label, order, description, questions, keywords, touchpoints, minimum }) => ({
    key,
    label,
    order,
    description,
    questions,
    keywords,
    touchpoints,
    minimum,
  }));
