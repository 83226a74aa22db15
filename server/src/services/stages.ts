import type { Core } from '@strapi/strapi';
import { getJourneyConfig } from '../config';
import { createStageModel, type StageModel } from '../stages/stage-model';
import type { Stage, StageText } from '../stages/types';
import { resolveLocale } from '../utils/request-params';

/** The stage model in one content locale, and that locale. */
export interface StagesInLocale {
  locale: string;
  stages: Stage[];
}

/** A stage in the default locale, with its texts per locale code. */
export type StageWithTranslations = Stage & { translations: Record<string, StageText> };

/**
 * The configured journey (see stages/stage-model.ts), built once per Strapi instance, and its texts
 * in a content locale: `inLocale('da')` for the content API, coverage and the CSV export (GraphQL's
 * `journeyStages(locale:)` is meant to call it too).
 */
const createStagesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const model: StageModel = createStageModel(getJourneyConfig(strapi).stages);
  const defaultLocale = async () =>
    (await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string;

  return {
    ...model,
    /**
     * The stages with their texts in `locale` (a locale of Settings > Internationalization, else a
     * ValidationError naming the available ones), falling back to the default locale, then English.
     * Without `locale`: the default locale.
     */
    async inLocale(locale?: string): Promise<StagesInLocale> {
      const resolved = await resolveLocale(strapi, locale);
      return { locale: resolved, stages: model.inLocale(resolved, await defaultLocale()) };
    },
    /** As inLocale, for a locale already checked (coverage resolves its own `locale` parameter). */
    async inKnownLocale(locale: string): Promise<Stage[]> {
      return model.inLocale(locale, await defaultLocale());
    },
    /**
     * The stages in the default locale, each with its texts in every locale code the config writes
     * texts in: the admin picks the interface language or the entry's locale without asking again.
     */
    async withTranslations(): Promise<{ defaultLocale: string; stages: StageWithTranslations[] }> {
      const fallback = await defaultLocale();
      const byLocale = model.locales.map((code) => [code, model.inLocale(code, fallback)] as const);
      const stages = model.inLocale(fallback, fallback).map((stage, index) => ({
        ...stage,
        translations: Object.fromEntries(
          byLocale.map(([code, localized]) => {
            const { label, description, questions, keywords, touchpoints } = localized[index];
            return [code, { label, description, questions, keywords, touchpoints }];
          })
        ),
      }));
      return { defaultLocale: fallback, stages };
    },
  };
};

export default createStagesService;
export type StagesService = ReturnType<typeof createStagesService>;
