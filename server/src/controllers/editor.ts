import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { EditorConfigResponse } from '../../../shared/contracts';
import { getService } from '../utils/get-service';
import { rejectQuery } from '../utils/query-parsing';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /journey/editor: stage guidance and tagged types for the edit and list views. */
  async config(ctx: Context) {
    rejectQuery(ctx.query);
    const body: EditorConfigResponse = {
      data: {
        stages: getService(strapi, 'stages').stages.map((stage) => ({
          ...stage,
          excess: stage.excess ?? null,
        })),
        types: getService(strapi, 'tagging').types.map((type) => ({
          name: type.name,
          uid: type.uid,
          displayName: strapi.contentType(type.uid).info.displayName,
        })),
      },
    };
    ctx.body = body;
  },
});
