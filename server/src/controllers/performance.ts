import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type {
  EntryPerformanceResponse,
  PerformanceEntriesResponse,
  PerformanceResponse,
  PerformanceSeriesResponse,
} from '../../../shared/contracts';
import { performanceToCsv } from '../performance/csv';
import {
  parseEntryPerformanceQuery,
  parsePerformanceEntriesQuery,
  parsePerformanceExportQuery,
  parsePerformanceQuery,
  parsePerformanceSeriesQuery,
} from '../performance/query';
import { getService } from '../utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /journey/performance: the stage x persona matrix, funnel and totals. */
  async find(ctx: Context) {
    const body: PerformanceResponse = {
      data: await getService(strapi, 'performance').report(parsePerformanceQuery(ctx.query)),
    };
    ctx.body = body;
  },

  /** GET /journey/performance/export?format=csv|json */
  async export(ctx: Context) {
    const { format, ...query } = parsePerformanceExportQuery(ctx.query);
    const report = await getService(strapi, 'performance').report(query);
    const { from, to, locale } = report.filters;
    ctx.attachment(`journey-performance-${locale}-${from}-${to}.${format}`);
    if (format === 'csv') {
      ctx.type = 'text/csv; charset=utf-8';
      ctx.body = performanceToCsv(report);
    } else {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ data: report }, null, 2);
    }
  },

  /** GET /journey/performance/entries: a cell's best and weakest entries. */
  async entries(ctx: Context) {
    const body: PerformanceEntriesResponse = {
      data: await getService(strapi, 'performance').entries(
        parsePerformanceEntriesQuery(ctx.query)
      ),
    };
    ctx.body = body;
  },

  /** GET /journey/performance/series: daily numbers of a cell, a stage or everything. */
  async series(ctx: Context) {
    const body: PerformanceSeriesResponse = {
      data: await getService(strapi, 'performance').series(parsePerformanceSeriesQuery(ctx.query)),
    };
    ctx.body = body;
  },

  /** GET /journey/performance/entry: the edit view's last 30 days of one entry. */
  async entry(ctx: Context) {
    const body: EntryPerformanceResponse = {
      data: await getService(strapi, 'performance').entry(parseEntryPerformanceQuery(ctx.query)),
    };
    ctx.body = body;
  },
});
