import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { version } from '../../../package.json';
import { getJourneyConfig } from '../config';
import { buildOpenApiDocument } from '../content-api/openapi';
import { getService } from '../utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/journey/openapi.json: public, it only describes the API. */
  async document(ctx: Context) {
    const locales = (await strapi.plugin('i18n').service('locales').find()) as Array<{
      code: string;
    }>;
    ctx.body = buildOpenApiDocument({
      version,
      stageKeys: getService(strapi, 'stages').keys,
      typeNames: getService(strapi, 'tagging').names(),
      locales: locales.map((locale) => locale.code),
      builtInTypes: getJourneyConfig(strapi).builtInTypes,
    });
  },
});
