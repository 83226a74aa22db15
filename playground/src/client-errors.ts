import type { Core } from '@strapi/strapi';
import type { Socket } from 'net';

/** Node's parser errors that mean "your request head is too big": answered with a 431. */
const TOO_LARGE = new Set(['HPE_HEADER_OVERFLOW', 'HPE_URI_TOO_LONG']);

/**
 * Node answers requests it cannot parse (e.g. a query string over its 16 kB header limit) itself,
 * with an empty body, before Strapi runs. This answers them in Strapi's error shape instead, so
 * every 4xx a client sees reads the same.
 */
export const answerClientErrorsLikeStrapi = (strapi: Core.Strapi) => {
  strapi.server.httpServer.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = TOO_LARGE.has(error.code ?? '');
    const status = tooLarge ? 431 : 400;
    const body = JSON.stringify({
      data: null,
      error: {
        status,
        name: tooLarge ? 'RequestHeaderFieldsTooLargeError' : 'BadRequestError',
        message: tooLarge
          ? 'The request line and headers are too large (over 16 kB). Shorten the query string.'
          : 'The request could not be parsed.',
        details: {},
      },
    });
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
    );
  });
};
