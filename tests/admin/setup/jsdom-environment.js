/**
 * jsdom, with Node's own fetch (and what fetch works with) on the window: jsdom has no fetch, and
 * msw intercepts the global one. What the admin's fetch client hands to fetch must come from the
 * same realm (undici checks an AbortSignal's brand), hence the abort and stream classes too.
 * Strapi's own admin tests do the same (@strapi/admin-test-utils, patches/node-globals).
 */
const { TestEnvironment } = require('jest-environment-jsdom');

// Read here, in Node's realm, before the environment replaces them with jsdom's.
const NODE_GLOBALS = {
  fetch,
  Request,
  Response,
  Headers,
  AbortController,
  AbortSignal,
  ReadableStream,
  WritableStream,
  TransformStream,
  TextEncoder,
  TextDecoder,
  TextEncoderStream,
  TextDecoderStream,
  BroadcastChannel,
  structuredClone,
};

class JsdomWithNodeFetch extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    Object.assign(this.global, NODE_GLOBALS);
  }
}

module.exports = JsdomWithNodeFetch;
