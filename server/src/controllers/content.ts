import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseContentQuery } from '../content-api/query';
import { getService } from '../utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/journey/content */
  async find(ctx: Context) {
    ctx.body = await getService(strapi, 'content').find(
      parseContentQuery(ctx.query),
      ctx.state.auth
    );
  },
});
