import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { submissionsToCsv } from '../forms/csv';
import {
  parseEraseQuery,
  parseSubmissionsExportQuery,
  parseSubmissionsQuery,
} from '../forms/query';
import { getService } from '../utils/get-service';
import { rejectQuery } from '../utils/query-parsing';

/** The admin's Submissions view: read (and export) with submissions.read, delete with submissions.delete. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /journey/submissions?form&stage&persona&from&to&page&pageSize */
  async find(ctx: Context) {
    ctx.body = await getService(strapi, 'submissions').list(parseSubmissionsQuery(ctx.query));
  },

  /** GET /journey/submissions/export?format=csv|json&... (every match, not one page) */
  async export(ctx: Context) {
    const { format, ...query } = parseSubmissionsExportQuery(ctx.query);
    const { data } = await getService(strapi, 'submissions').list(query, { all: true });
    const date = new Date().toISOString().slice(0, 10);
    ctx.attachment(`journey-submissions-${date}.${format}`);
    if (format === 'csv') {
      ctx.type = 'text/csv; charset=utf-8';
      ctx.body = submissionsToCsv(data);
    } else {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ data }, null, 2);
    }
  },

  /** GET /journey/submissions/:id */
  async findOne(ctx: Context) {
    rejectQuery(ctx.query);
    ctx.body = { data: await getService(strapi, 'submissions').findOne(String(ctx.params.id)) };
  },

  /** DELETE /journey/submissions/:id */
  async delete(ctx: Context) {
    rejectQuery(ctx.query);
    const deleted = await getService(strapi, 'submissions').remove(String(ctx.params.id));
    ctx.body = { data: { deleted } };
  },

  /** DELETE /journey/submissions?email=: a person's erasure request, answered with how many went. */
  async erase(ctx: Context) {
    const { email } = parseEraseQuery(ctx.query);
    ctx.body = { data: { deleted: await getService(strapi, 'submissions').erase(email) } };
  },
});
