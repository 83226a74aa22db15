import { RollupBuffer, type CountedEvent } from '../../server/src/analytics/rollups';
import { createRateLimiter } from '../../server/src/analytics/rate-limit';
import { parseEventsBody, MAX_EVENTS_BODY_BYTES } from '../../server/src/analytics/events-body';
import { resolveRange, parsePerformanceQuery } from '../../server/src/performance/query';
import { rateLevel, signalOf } from '../../server/src/services/performance';
import { addDays, daysBetween } from '../../server/src/utils/days';

const counted = (overrides: Partial<CountedEvent> = {}): CountedEvent => ({
  day: '2026-11-30',
  typeName: 'blog-post',
  documentId: 'doc-1',
  locale: 'en',
  eventType: 'view',
  visitorPersona: '',
  visitorStage: '',
  target: '',
  contentStage: 'awareness',
  contentPersonas: ['owner', 'buyer'],
  ...overrides,
});

describe('RollupBuffer', () => {
  it('sums events into the rows they add to: per entry, per stage once, per persona cell', () => {
    const buffer = new RollupBuffer();
    buffer.add(counted());
    buffer.add(counted());
    buffer.add(counted({ eventType: 'click' }));
    buffer.add(counted({ documentId: 'doc-2', contentPersonas: [] }));
    const { events, segments, pendingEvents } = buffer.take();
    expect(pendingEvents).toBe(4);
    expect(
      [...events.values()].map((row) => [row.row.document_id, row.row.event_type, row.count])
    ).toEqual([
      ['doc-1', 'view', 2],
      ['doc-1', 'click', 1],
      ['doc-2', 'view', 1],
    ]);
    const segmentCounts = [...segments.values()].map(({ row, count }) => [
      row.scope,
      row.event_type,
      row.content_persona,
      count,
    ]);
    expect(segmentCounts).toEqual([
      ['stage', 'view', '', 3],
      ['cell', 'view', 'owner', 2],
      ['cell', 'view', 'buyer', 2],
      ['stage', 'click', '', 1],
      ['cell', 'click', 'owner', 1],
      ['cell', 'click', 'buyer', 1],
      ['cell', 'view', '', 1],
    ]);
    expect(buffer.pendingEvents).toBe(0);
    expect(buffer.distinctRows).toBe(0);
  });

  it('counts a persona listed twice once', () => {
    const buffer = new RollupBuffer();
    buffer.add(counted({ contentPersonas: ['owner', 'owner'] }));
    expect(
      [...buffer.take().segments.values()].filter(({ row }) => row.scope === 'cell')
    ).toHaveLength(1);
  });

  it('keeps rows apart whose values only differ in where one ends and the next begins', () => {
    const buffer = new RollupBuffer();
    buffer.add(counted({ documentId: 'ab', locale: 'c', contentStage: 'x', contentPersonas: [] }));
    buffer.add(
      counted({ documentId: 'a', locale: 'bc', contentStage: '', contentPersonas: ['x'] })
    );
    const { events, segments } = buffer.take();
    expect(
      [...events.values()].map(({ row, count }) => [row.document_id, row.locale, count])
    ).toEqual([
      ['ab', 'c', 1],
      ['a', 'bc', 1],
    ]);
    expect(
      [...segments.values()].map(({ row, count }) => [
        row.scope,
        row.content_stage,
        row.content_persona,
        count,
      ])
    ).toEqual([
      ['stage', 'x', '', 1],
      ['cell', 'x', '', 1],
      ['stage', '', '', 1],
      ['cell', '', 'x', 1],
    ]);
  });

  it('puts rows back after a failed write, added to what arrived meanwhile', () => {
    const buffer = new RollupBuffer();
    buffer.add(counted({ visitor: 'a' }));
    const taken = buffer.take();
    buffer.add(counted({ visitor: 'b' }));
    buffer.add(counted({ documentId: 'doc-3' }));
    buffer.restore(taken);
    expect(buffer.pendingEvents).toBe(3);
    const { events } = buffer.take();
    const doc1 = [...events.values()].find(({ row }) => row.document_id === 'doc-1')!;
    expect(doc1.count).toBe(2);
    expect([...doc1.visitors!].sort()).toEqual(['a', 'b']);
  });
});

describe('rate limiter', () => {
  it('allows max requests per window per client, then says how long to wait', () => {
    const limiter = createRateLimiter({ max: 2, windowMs: 10_000 });
    expect(limiter.hit('a', 0)).toBe(0);
    expect(limiter.hit('a', 1000)).toBe(0);
    expect(limiter.hit('a', 2000)).toBe(8);
    expect(limiter.hit('b', 2000)).toBe(0);
    expect(limiter.hit('a', 9_999)).toBe(1);
    expect(limiter.hit('a', 10_000)).toBe(0);
  });
});

describe('events body', () => {
  const view = { type: 'view', documentId: 'd', contentType: 'blog-post' };
  it('takes parsed JSON or JSON text', () => {
    expect(parseEventsBody({ events: [view] })).toEqual([view]);
    expect(parseEventsBody(JSON.stringify({ events: [view] }))).toEqual([view]);
  });
  it.each([
    [undefined, 'empty'],
    [{}, 'empty'],
    ['[', 'not valid JSON'],
    [{ events: [{ ...view, type: 3 }] }, 'events[0].type: must be a string'],
    [{ events: [{ ...view, locale: '' }] }, 'events[0].locale: must not be empty'],
    [{ events: [{ ...view, documentId: 'x'.repeat(101) }] }, 'at most 100 characters'],
    [{ events: [null] }, 'events[0]: must be an object'],
    [[view], 'must be a JSON object'],
  ])('refuses %j with a message naming the problem', (body, message) => {
    expect(() => parseEventsBody(body)).toThrow(message);
  });
  it('refuses bodies over the cap, declared or not', () => {
    expect(() => parseEventsBody({ events: [view] }, MAX_EVENTS_BODY_BYTES + 1)).toThrow(
      'larger than'
    );
    expect(() => parseEventsBody('x'.repeat(MAX_EVENTS_BODY_BYTES + 1))).toThrow('larger than');
  });
});

describe('performance periods and levels', () => {
  it('defaults to the last 30 days, checks the order and the length', () => {
    const now = Date.parse('2026-11-30T15:00:00Z');
    expect(resolveRange({}, now)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(resolveRange({ to: '2026-03-01' }, now)).toEqual({
      from: '2026-01-31',
      to: '2026-03-01',
    });
    expect(() => resolveRange({ from: '2026-12-01', to: '2026-11-30' }, now)).toThrow(
      'must not be after'
    );
    expect(() => resolveRange({ from: '2024-01-01', to: '2026-01-01' }, now)).toThrow(
      'at most 731'
    );
    expect(() => parsePerformanceQuery({ from: '2026-02-29' })).toThrow('YYYY-MM-DD');
    expect(parsePerformanceQuery({ from: '2028-02-29' }).from).toBe('2028-02-29');
  });

  it('lists every day across month and year ends', () => {
    expect(daysBetween('2026-12-30', '2027-01-02')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('compares rates with the overall rate within 10%, and only with enough views', () => {
    const counts = (views: number, conversions: number) => ({
      views,
      clicks: 0,
      conversions,
      conversionRate: views ? conversions / views : null,
    });
    expect(rateLevel(counts(100, 12), 0.1, 20)).toBe('above');
    expect(rateLevel(counts(100, 11), 0.1, 20)).toBe('even');
    expect(rateLevel(counts(100, 8), 0.1, 20)).toBe('below');
    expect(rateLevel(counts(19, 19), 0.1, 20)).toBe('too-few-views');
    expect(rateLevel(counts(100, 5), null, 20)).toBe('too-few-views');
    expect(signalOf(2, 'thin', 100, 'above')).toBe('write-more');
    expect(signalOf(2, 'thin', 100, 'even')).toBeNull();
    expect(signalOf(5, 'ok', 4, 'too-few-views')).toBe('unseen');
    expect(signalOf(5, 'excess', 5, 'below')).toBeNull();
    expect(signalOf(0, 'gap', 0, 'too-few-views')).toBeNull();
  });
});
