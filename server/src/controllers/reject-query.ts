import { validationError } from '../utils/validation';

/** For endpoints that take no parameters: a 400 rather than silently ignoring a client's filter. */
export const rejectQuery = (query: Record<string, unknown>) => {
  const keys = Object.keys(query);
  if (keys.length > 0) {
    const message = `This endpoint takes no parameters; got ${keys.map((key) => JSON.stringify(key.slice(0, 60))).join(', ')}.`;
    throw validationError(message, keys.map((key) => ({ path: [key], message, name: 'ValidationError' as const })));
  }
};
