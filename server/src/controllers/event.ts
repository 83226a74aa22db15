import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { isbot } from 'isbot';
import type { EventsResponse } from '../../../shared/contracts';
import { parseEventsBody } from '../analytics/events-body';
import { getJourneyConfig } from '../config';
import { getService } from '../utils/get-service';

/** Do Not Track or Global Privacy Control: the visitor asked not to be tracked. */
const optedOut = (ctx: Context) => ctx.get('DNT') === '1' || ctx.get('Sec-GPC') === '1';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /api/journey/events: 202, with what was counted and what was dropped and why. */
  async create(ctx: Context) {
    const analytics = getService(strapi, 'analytics');
    analytics.checkRateLimit(ctx.request.ip, (seconds) => ctx.set('Retry-After', String(seconds)));
    const events = parseEventsBody(ctx.request.body, ctx.request.length);
    const userAgent = ctx.get('User-Agent');
    const notCounted: EventsResponse['data']['notCounted'] = !getJourneyConfig(strapi).analytics
      .enabled
      ? 'disabled'
      : optedOut(ctx)
        ? 'do-not-track'
        : isbot(userAgent)
          ? 'bot'
          : null;
    const body: EventsResponse = {
      data: await analytics.ingest(events, { ip: ctx.request.ip, userAgent }, notCounted),
    };
    ctx.status = 202;
    ctx.body = body;
  },
});
