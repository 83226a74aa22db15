import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { StagesResponse } from '../../../shared/contracts';
import { getService } from '../utils/get-service';
import { rejectQuery } from '../utils/query-parsing';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/journey/stages */
  async find(ctx: Context) {
    rejectQuery(ctx.query);
    const body: StagesResponse = {
      data: getService(strapi, 'stages').stages.map(
        ({ key, label, order, description, questions, keywords, touchpoints, minimum }) => ({
          key,
          label,
          order,
          description,
          questions,
          keywords,
          touchpoints,
          minimum,
        })
      ),
    };
    ctx.body = body;
  },
});
