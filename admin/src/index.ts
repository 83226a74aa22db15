import { BulletList, ChartPie } from '@strapi/icons';

import { FORM_FIELDS_CUSTOM_FIELD, PLUGIN_ID } from '../../shared/constants';
import { JourneyPanel } from './components/JourneyEditPanel';
import { SetJourneyStageAction } from './components/SetStageBulkAction';
import { addStageColumnHook, INJECT_COLUMN_IN_TABLE } from './contentManagerHooks/listView';
import { hideStageFieldHook, MUTATE_EDIT_VIEW_LAYOUT } from './contentManagerHooks/editView';
import { COVERAGE_READ_PERMISSIONS, JOURNEY_MENU_PERMISSIONS } from './permissions';
import { getTranslation, prefixTranslations } from './utils/getTranslation';

import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import type { StrapiApp } from '@strapi/strapi/admin';
import type { ComponentType } from 'react';

/*
 * Strapi's admin names Norwegian `no`; our file is nb.json (Bokmål, the written standard).
 * Danish is `da` (the admin still also asks for its legacy `dk`, which we leave unanswered so it
 * does not log a deprecation warning).
 */
const TRANSLATION_FILES: Record<string, string> = { no: 'nb' };

interface TranslationBatch {
  data: Record<string, string>;
  locale: string;
}

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'Journey' });

    // One link for Coverage, Performance and Submissions (pages/App.tsx routes and guards each): two links,
    // one path under the other, would both be highlighted on the Performance page.
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: ChartPie,
      intlLabel: { id: getTranslation('menu.journey'), defaultMessage: 'Journey' },
      Component: () => import('./pages/App'),
      permissions: JOURNEY_MENU_PERMISSIONS,
    });

    // The form's `fields` (plugin::journey.form-fields, stored as JSON): a field list instead of a
    // JSON editor. Also registered on the server (server/src/register.ts), as Strapi requires.
    app.customFields.register({
      name: FORM_FIELDS_CUSTOM_FIELD,
      pluginId: PLUGIN_ID,
      type: 'json',
      icon: BulletList,
      intlLabel: { id: getTranslation('fields.customField.label'), defaultMessage: 'Form fields' },
      intlDescription: {
        id: getTranslation('fields.customField.description'),
        defaultMessage: 'The fields of a journey form, edited as a list',
      },
      components: {
        // Typed without props by Strapi; the admin passes name, label, hint and disabled.
        Input: async () =>
          import('./components/FormFieldsInput').then((module) => ({
            default: module.FormFieldsInput as unknown as ComponentType,
          })),
      },
    });

    // Homepage widgets arrived in 5.x minors; the peer range allows older 5.x, where this is absent.
    app.widgets?.register({
      id: 'journey-coverage',
      pluginId: PLUGIN_ID,
      icon: ChartPie,
      title: { id: getTranslation('widget.title'), defaultMessage: 'Journey coverage' },
      // Unlike menu links, widget loaders resolve to the component itself, not a module.
      component: () =>
        import('./components/CoverageWidget').then((module) => module.CoverageWidget),
      link: {
        label: { id: getTranslation('widget.link'), defaultMessage: 'Open coverage' },
        href: `/plugins/${PLUGIN_ID}`,
      },
      permissions: COVERAGE_READ_PERMISSIONS,
    });
  },

  bootstrap(app: StrapiApp) {
    // Each of these shows only on tagged types: they check the model themselves.
    app.registerHook(INJECT_COLUMN_IN_TABLE, addStageColumnHook);
    app.registerHook(MUTATE_EDIT_VIEW_LAYOUT, hideStageFieldHook);
    const contentManager = app.getPlugin('content-manager');
    const apis = contentManager.apis as ContentManagerPlugin['config']['apis'];
    apis.addEditViewSidePanel([JourneyPanel]);
    apis.addBulkAction([SetJourneyStageAction]);
  },

  async registerTrads({ locales }: { locales: string[] }): Promise<TranslationBatch[]> {
    return Promise.all(
      locales.map(async (locale) => {
        const file = TRANSLATION_FILES[locale] ?? locale;
        try {
          const { default: data } = (await import(`./translations/${file}.json`)) as {
            default: Record<string, string>;
          };
          return { data: prefixTranslations(data), locale };
        } catch {
          // No file for this admin language: the English defaultMessages show instead.
          return { data: {}, locale };
        }
      })
    );
  },
};
