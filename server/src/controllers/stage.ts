import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { StagesResponse } from '../../../shared/contracts';
import { parseStagesQuery } from '../stages/query';
import { toStageResponseItems } from '../stages/response';
import { getService } from '../utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/journey/stages?locale=da */
  async find(ctx: Context) {
    const { locale } = parseStagesQuery(ctx.query);
    const localized = await getService(strapi, 'stages').inLocale(locale);
    const body: StagesResponse = {
      data: toStageResponseItems(localized.stages),
      meta: { locale: localized.locale },
    };
    ctx.body = body;
  },
});
