import '@testing-library/jest-dom';

import { format } from 'util';

import { server } from '@strapi/strapi/admin/test';
import { configure } from '@testing-library/react';

/*
 * Limits that catch a hang, not slowness: jest's 5 s per test and Testing Library's 1 s for
 * findBy/waitFor fail a correct test on a busy machine (seen: the bulk action test past 5 s in a
 * CI run with browser tests beside it). The conditions waited for stay exact.
 */
jest.setTimeout(120_000);
configure({ asyncUtilTimeout: 30_000 });

/*
 * Strapi's msw server (a few admin endpoints of its own); each test adds the plugin's and the
 * Content Manager's with server.use(). A request nobody answers fails the test rather than
 * silently hanging or reaching the network.
 */
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/*
 * As in Strapi's own admin tests: anything React or the admin logs is a failure (a prop type error,
 * an update on an unmounted component, a failed request the UI swallowed), except React Router's
 * notices about its next major version, which say nothing about our code.
 */
const failOnLog =
  (level: 'error' | 'warn') =>
  (...args: unknown[]) => {
    const message = format(...args);
    if (level === 'warn' && message.includes('React Router Future Flag Warning')) return;
    throw new Error(`console.${level}: ${message}`);
  };
console.error = failOnLog('error');
console.warn = failOnLog('warn');
