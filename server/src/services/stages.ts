import type { Core } from '@strapi/strapi';
import { getJourneyConfig } from '../config';
import { createStageModel, type StageModel } from '../stages/stage-model';

/** The configured journey (see stages/stage-model.ts), built once per Strapi instance. */
const createStagesService = ({ strapi }: { strapi: Core.Strapi }): StageModel =>
  createStageModel(getJourneyConfig(strapi).stages);

export default createStagesService;
export type StagesService = ReturnType<typeof createStagesService>;
