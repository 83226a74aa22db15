/** Clients tracked at once; past it the table starts over rather than grow without bound. */
const MAX_CLIENTS = 100_000;

/**
 * A fixed-window request counter per client, in this process's memory only: the client key (an IP
 * address) is never written anywhere. With several server instances each counts its own share, so
 * the effective limit is `max` per instance; a proxy in front can limit across them.
 */
export const createRateLimiter = ({ max, windowMs }: { max: number; windowMs: number }) => {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Counts one request; returns the seconds to wait when it is over the limit, else 0. */
    hit(client: string, now = Date.now()): number {
      let window = windows.get(client);
      if (!window || now - window.start >= windowMs) {
        if (!window && windows.size >= MAX_CLIENTS) windows.clear();
        window = { start: now, count: 0 };
        windows.set(client, window);
      }
      window.count += 1;
      if (window.count <= max) return 0;
      return Math.max(1, Math.ceil((window.start + windowMs - now) / 1000));
    },
  };
};
