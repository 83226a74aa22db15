import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { StagesResponse } from '../../../shared/contracts';
import { toStageResponseItems } from '../stages/response';
import { getService } from '../utils/get-service';
import { rejectQuery } from '../utils/query-parsing';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/journey/stages */
  async find(ctx: Context) {
    rejectQuery(ctx.query);
    const body: StagesResponse = {
      data: toStageResponseItems(getService(strapi, 'stages').stages),
    };
    ctx.body = body;
  },
});
