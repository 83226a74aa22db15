import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseSubmissionBody } from '../forms/body';
import { getService } from '../utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /api/journey/forms/:documentId/submissions: 201 with the id and time only. */
  async create(ctx: Context) {
    const submissions = getService(strapi, 'submissions');
    const formDocumentId = String(ctx.params.documentId).slice(0, 100);
    submissions.checkRateLimit(ctx.request.ip, formDocumentId, (seconds) =>
      ctx.set('Retry-After', String(seconds))
    );
    const body = parseSubmissionBody(ctx.request.body, ctx.request.length);
    const client = { ip: ctx.request.ip, userAgent: ctx.get('User-Agent') };
    ctx.status = 201;
    ctx.body = { data: await submissions.submit(formDocumentId, body, client) };
  },
});
