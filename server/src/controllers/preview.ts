import type { Context } from 'koa';
import type { PreviewResponse } from '../../../shared/contracts';
import { rejectQuery } from '../utils/query-parsing';

/**
 * GET /api/journey/preview. The route's own scope is the preview action, so Strapi answers 403
 * before this runs for everyone else: reaching it is the answer.
 */
export default () => ({
  async drafts(ctx: Context) {
    rejectQuery(ctx.query);
    const body: PreviewResponse = { data: { drafts: true } };
    ctx.body = body;
  },
});
