import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { PersonasResponse } from '../../../shared/contracts';
import { getService } from '../utils/get-service';
import { rejectQuery } from '../utils/query-parsing';

/**
 * The action is `plugin::journey.persona.find` on purpose: Strapi's REST sanitizer shows a populated
 * `personas` relation to roles holding exactly that permission, so one grant covers both.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/journey/personas */
  async find(ctx: Context) {
    rejectQuery(ctx.query);
    const body: PersonasResponse = { data: await getService(strapi, 'personas').listPublished() };
    ctx.body = body;
  },
});
