import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { EditorConfigResponse } from '../../../shared/contracts';
import { getService } from '../utils/get-service';
import { rejectQuery } from '../utils/query-parsing';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /journey/editor: stage guidance (every locale's) and tagged types for the admin. */
  async config(ctx: Context) {
    rejectQuery(ctx.query);
    const { defaultLocale, stages } = await getService(strapi, 'stages').withTranslations();
    const body: EditorConfigResponse = {
      data: {
        stages: stages.map((stage) => ({ ...stage, excess: stage.excess ?? null })),
        defaultLocale,
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
