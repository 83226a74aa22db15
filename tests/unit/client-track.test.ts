/**
 * The typed client's tracker (`client.track`): batching, the per-request limit, defaults, privacy
 * signals and page hide, against a fake fetch (and fake browser globals where a test needs them).
 * tests/api/client.test.ts sends the same events to a real Strapi.
 */
import { createJourneyClient, JourneyApiError, type TrackingOptions } from '../../shared/client';
import type { EventsRequest, EventsResponse, JourneyEvent } from '../../shared/contracts';
import { MAX_EVENTS_PER_REQUEST } from '../../shared/contracts';

const BASE = 'https://cms.example.com';
const EVENTS_URL = `${BASE}/api/journey/events`;

interface Sent {
  url: string;
  init: RequestInit;
  events: JourneyEvent[];
}

/** A fetch that answers 202 with every event accepted (or `status` with a Strapi error). */
const fakeFetch = (status = 202) => {
  const sent: Sent[] = [];
  let notify: (() => void) | undefined;
  const fake = (async (input: string | URL | Request, init: RequestInit = {}) => {
    const body = JSON.parse(String(init.body)) as EventsRequest;
    sent.push({ url: String(input), init, events: body.events });
    notify?.();
    const answer: EventsResponse | { error: object } =
      status === 202
        ? { data: { accepted: body.events.length, dropped: [], notCounted: null } }
        : {
            error: { status, name: 'ValidationError', message: 'Bad events', details: {} },
          };
    return new Response(JSON.stringify(answer), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  }) as typeof globalThis.fetch;
  /** Resolves once `count` requests were made (no fixed sleep). */
  const requests = (count: number) =>
    new Promise<void>((resolve) => {
      notify = () => {
        if (sent.length >= count) resolve();
      };
      notify();
    });
  return { fetch: fake, sent, requests };
};

const view = (n: number): JourneyEvent => ({
  type: 'view',
  documentId: `doc-${n}`,
  contentType: 'blog-post',
});

const clientWith = (
  fetch: typeof globalThis.fetch,
  tracking: TrackingOptions = {},
  extra: { locale?: string; persona?: string; stage?: string; token?: string } = {}
) => createJourneyClient({ baseUrl: `${BASE}/`, fetch, tracking, ...extra });

/** Sets browser globals for one test; `restore` removes them. */
const withGlobals = (globals: Record<string, unknown>) => {
  const names = Object.keys(globals);
  for (const name of names) {
    Object.defineProperty(globalThis, name, {
      value: globals[name],
      configurable: true,
      writable: true,
    });
  }
  return () => {
    for (const name of names) delete (globalThis as Record<string, unknown>)[name];
  };
};

describe('client.track', () => {
  it('sends a batch as soon as 20 events are queued, and the rest on flush', async () => {
    const { fetch, sent } = fakeFetch();
    const journey = clientWith(fetch);
    for (let n = 0; n < 45; n += 1) journey.track(view(n));
    // Two full batches went out while tracking; five wait.
    expect(sent.map((s) => s.events.length)).toEqual([20, 20]);
    expect(journey.pendingEvents()).toBe(5);

    const answer = await journey.flush();
    expect(answer).toEqual({ data: { accepted: 5, dropped: [], notCounted: null } });
    expect(sent.map((s) => s.events.length)).toEqual([20, 20, 5]);
    expect(sent.flatMap((s) => s.events.map((e) => e.documentId))).toEqual(
      Array.from({ length: 45 }, (_, n) => `doc-${n}`)
    );
    expect(sent[0].url).toBe(EVENTS_URL);
    expect(sent[0].init.method).toBe('POST');
    // A "simple" body: no CORS preflight from a browser.
    expect((sent[0].init.headers as Record<string, string>)['Content-Type']).toBe(
      'text/plain;charset=UTF-8'
    );
    expect(journey.pendingEvents()).toBe(0);
    expect(await journey.flush()).toBeUndefined();
    expect(sent).toHaveLength(3);
  });

  it('never puts more than MAX_EVENTS_PER_REQUEST events in one request', async () => {
    const { fetch, sent } = fakeFetch();
    const journey = clientWith(fetch, { batchSize: 1000 });
    for (let n = 0; n < 250; n += 1) journey.track(view(n));
    await journey.flush();
    expect(sent.map((s) => s.events.length)).toEqual([
      MAX_EVENTS_PER_REQUEST,
      MAX_EVENTS_PER_REQUEST,
      50,
    ]);
  });

  it('sends a partial batch after the delay', async () => {
    const { fetch, sent, requests } = fakeFetch();
    const journey = clientWith(fetch, { delayMs: 5 });
    journey.track(view(1));
    journey.track(view(2));
    expect(sent).toHaveLength(0);
    await requests(1);
    expect(sent.map((s) => s.events.map((e) => e.documentId))).toEqual([['doc-1', 'doc-2']]);
  });

  it('flush waits for batches already on their way', async () => {
    let release: (() => void) | undefined;
    const { fetch: answer, sent } = fakeFetch();
    const slow = (async (input: string | URL | Request, init?: RequestInit) => {
      await new Promise<void>((resolve) => (release = resolve));
      return answer(input, init);
    }) as typeof fetch;
    const journey = clientWith(slow, { batchSize: 2 });
    journey.track(view(1));
    journey.track(view(2)); // sent in the background, held by the fake
    let flushed = false;
    const flushing = journey.flush().then((result) => {
      flushed = true;
      return result;
    });
    await Promise.resolve();
    expect(flushed).toBe(false);
    release?.();
    expect(await flushing).toBeUndefined(); // nothing of its own was queued
    expect(sent).toHaveLength(1);
  });

  it('adds the client locale and the visitor persona and stage; an event’s own values win', async () => {
    const { fetch, sent } = fakeFetch();
    const journey = clientWith(fetch, {}, { locale: 'da', persona: 'b2b-buyer' });
    journey.track(view(1));
    journey.track({ ...view(2), locale: 'en', persona: 'owner', stage: 'decision' });
    journey.setVisitor({ persona: 'owner', stage: 'awareness' });
    journey.trackView({ documentId: 'post-1', type: 'blog-post', locale: 'en' });
    journey.trackClick({ documentId: 'cta-1', type: 'cta', locale: null }, 'page-1');
    journey.trackConversion({ documentId: 'form-1', type: 'form' }, { stage: 'decision' });
    await journey.flush();
    expect(sent[0].events).toEqual([
      {
        type: 'view',
        documentId: 'doc-1',
        contentType: 'blog-post',
        locale: 'da',
        persona: 'b2b-buyer',
      },
      {
        type: 'view',
        documentId: 'doc-2',
        contentType: 'blog-post',
        locale: 'en',
        persona: 'owner',
        stage: 'decision',
      },
      {
        type: 'view',
        documentId: 'post-1',
        contentType: 'blog-post',
        locale: 'en',
        persona: 'owner',
        stage: 'awareness',
      },
      {
        type: 'click',
        documentId: 'cta-1',
        contentType: 'cta',
        target: 'page-1',
        locale: 'da',
        persona: 'owner',
        stage: 'awareness',
      },
      {
        type: 'conversion',
        documentId: 'form-1',
        contentType: 'form',
        stage: 'decision',
        locale: 'da',
        persona: 'owner',
      },
    ]);
  });

  it('sends the token, and rejects flush with JourneyApiError when the server refuses', async () => {
    const { fetch, sent } = fakeFetch(400);
    const journey = clientWith(fetch, {}, { token: 'secret' });
    journey.track(view(1));
    const failure = journey.flush();
    await expect(failure).rejects.toBeInstanceOf(JourneyApiError);
    await expect(failure).rejects.toMatchObject({ status: 400, errorName: 'ValidationError' });
    expect((sent[0].init.headers as Record<string, string>).Authorization).toBe('Bearer secret');
  });

  it('reports a failed background batch to onError, never as an unhandled rejection', async () => {
    const { fetch } = fakeFetch(500);
    const errors: unknown[] = [];
    let reported: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (reported = resolve));
    const journey = clientWith(fetch, {
      batchSize: 1,
      onError: (error) => {
        errors.push(error);
        reported();
      },
    });
    journey.track(view(1));
    await done;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(JourneyApiError);
  });

  describe('in a browser', () => {
    let restore: () => void = () => undefined;
    afterEach(() => restore());

    it('sends nothing when the visitor asked not to be tracked (DNT or GPC)', async () => {
      for (const navigator of [{ doNotTrack: '1' }, { globalPrivacyControl: true }]) {
        restore = withGlobals({ navigator });
        const { fetch, sent } = fakeFetch();
        const journey = clientWith(fetch, { batchSize: 1 });
        journey.track(view(1));
        journey.track(view(2));
        expect(await journey.flush()).toBeUndefined();
        expect(sent).toHaveLength(0);
        restore();
      }
      // Unless told to send anyway (the server still ignores them: DNT and Sec-GPC headers).
      restore = withGlobals({ navigator: { doNotTrack: '1' } });
      const { fetch, sent } = fakeFetch();
      const journey = clientWith(fetch, { respectPrivacySignals: false });
      journey.track(view(1));
      await journey.flush();
      expect(sent).toHaveLength(1);
    });

    /** Fake document and window listeners, and a beacon that records what it was given. */
    const fakePage = (beaconAccepts: boolean) => {
      const listeners: Record<string, Array<() => void>> = {};
      const on = (type: string, listener: () => void) => {
        (listeners[type] ??= []).push(listener);
      };
      const beacons: Array<{ url: string; data: Blob }> = [];
      const document = { visibilityState: 'visible', addEventListener: on };
      restore = withGlobals({
        document,
        addEventListener: on,
        navigator: {
          sendBeacon: (url: string, data: Blob) => {
            beacons.push({ url, data });
            return beaconAccepts;
          },
        },
      });
      const fire = (type: string) => listeners[type]?.forEach((listener) => listener());
      return { document, beacons, fire, listeners };
    };

    it('sends what is queued with sendBeacon when the page is hidden, as text/plain JSON', async () => {
      const page = fakePage(true);
      const { fetch, sent } = fakeFetch();
      const journey = clientWith(fetch);
      // Reading content hooks nothing; the first event does.
      expect(page.listeners).toEqual({});
      journey.track(view(1));
      journey.track(view(2));
      page.fire('visibilitychange'); // still visible: nothing sent
      expect(page.beacons).toHaveLength(0);
      page.document.visibilityState = 'hidden';
      page.fire('visibilitychange');
      expect(page.beacons).toHaveLength(1);
      expect(page.beacons[0].url).toBe(EVENTS_URL);
      expect(page.beacons[0].data.type).toBe('text/plain;charset=utf-8');
      expect(JSON.parse(await page.beacons[0].data.text())).toEqual({
        events: [view(1), view(2)],
      });
      expect(journey.pendingEvents()).toBe(0);
      page.fire('pagehide'); // nothing left to send
      expect(page.beacons).toHaveLength(1);
      expect(sent).toHaveLength(0);
    });

    it('falls back to a keepalive fetch when the beacon refuses, or a token must be sent', async () => {
      for (const [beaconAccepts, token] of [
        [false, undefined],
        [true, 'secret'],
      ] as const) {
        const page = fakePage(beaconAccepts);
        const { fetch, sent } = fakeFetch();
        const journey = clientWith(fetch, {}, token ? { token } : {});
        journey.track(view(1));
        page.fire('pagehide');
        expect(sent).toHaveLength(1);
        expect(sent[0].init).toMatchObject({ method: 'POST', keepalive: true });
        expect(sent[0].events).toEqual([view(1)]);
        expect((sent[0].init.headers as Record<string, string>).Authorization).toBe(
          token ? 'Bearer secret' : undefined
        );
        expect(page.beacons).toHaveLength(beaconAccepts ? 0 : 1);
        restore();
      }
    });
  });
});
