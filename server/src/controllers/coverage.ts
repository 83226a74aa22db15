import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { EntryCoverageResponse, RecountResponse } from '../../../shared/contracts';
import { coverageToCsv } from '../coverage/csv';
import {
  parseCoverageExportQuery,
  parseCoverageQuery,
  parseEntryCoverageQuery,
} from '../coverage/query';
import { getService } from '../utils/get-service';
import { rejectQuery } from '../utils/query-parsing';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /journey/coverage (admin) and GET /api/journey/coverage (content API, e.g. API tokens) */
  async find(ctx: Context) {
    ctx.body = {
      data: await getService(strapi, 'coverage').compute(parseCoverageQuery(ctx.query)),
    };
  },

  /** GET /journey/coverage/export?format=csv|json: a download of the same matrix. */
  async export(ctx: Context) {
    const { format, ...query } = parseCoverageExportQuery(ctx.query);
    const matrix = await getService(strapi, 'coverage').compute(query);
    const date = new Date().toISOString().slice(0, 10);
    ctx.attachment(`journey-coverage-${matrix.filters.locale}-${date}.${format}`);
    if (format === 'csv') {
      ctx.type = 'text/csv; charset=utf-8';
      ctx.body = coverageToCsv(matrix);
    } else {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ data: matrix }, null, 2);
    }
  },

  /** GET /journey/coverage/entry: the edit view's line, one stage for the entry's personas. */
  async entry(ctx: Context) {
    const query = parseEntryCoverageQuery(ctx.query);
    const body: EntryCoverageResponse = { data: await getService(strapi, 'coverage').entry(query) };
    ctx.body = body;
  },

  /** POST /journey/coverage/recount (super admins): the reconcile step, and what it changed. */
  async recount(ctx: Context) {
    rejectQuery(ctx.query);
    const body: RecountResponse = { data: await getService(strapi, 'coverage').recount() };
    ctx.body = body;
  },

  /** GET /journey/coverage/options: tagged types and locales for the panel's filters. */
  async options(ctx: Context) {
    rejectQuery(ctx.query);
    ctx.body = { data: await getService(strapi, 'coverage').options() };
  },
});
