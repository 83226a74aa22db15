import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseContentQuery } from '../content-api/query';
import { getService } from '../utils/get-service';

/**
 * GET /api/journey/content/next. Its own controller so its action is
 * `plugin::journey.next-content.find`: read-only API tokens may call only actions named find.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = await getService(strapi, 'content').next(
      parseContentQuery(ctx.query),
      ctx.state.auth
    );
  },
});
