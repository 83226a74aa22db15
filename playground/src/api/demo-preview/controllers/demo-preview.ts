import type { Context } from 'koa';
import { PREVIEWABLE, readGrant, readPreviewEntry } from '../../../preview';

export default {
  /** The entry a preview grant opens, with what the demo needs to label it. */
  async show(ctx: Context) {
    const grant = readGrant(ctx.query.grant);
    const { status, body } = await readPreviewEntry(grant, ctx.req.socket);
    ctx.status = status;
    ctx.body =
      status === 200
        ? {
            ...(body as object),
            meta: {
              type: PREVIEWABLE[grant.uid].type,
              status: grant.status,
              expiresAt: new Date(grant.exp).toISOString(),
            },
          }
        : body;
  },
};
