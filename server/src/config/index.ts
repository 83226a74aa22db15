import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../shared/constants';
import { formatPath } from '../utils/path';
import { describeIssue, journeyConfigSchema, type JourneyConfig } from './schema';

/**
 * Validates raw plugin config and returns it with defaults applied.
 * Throws an Error whose message lists every problem as `path: message`.
 */
export const parseJourneyConfig = (raw: unknown): JourneyConfig => {
  const result = journeyConfigSchema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const where = formatPath(issue.path);
    const message = describeIssue(issue);
    return where ? `${where}: ${message}` : message;
  });
  throw new Error(`invalid configuration. ${problems.join('; ')}`);
};

/** Marks a config object whose contents are the parsed config (see validateJourneyConfig). */
const PARSED = Symbol('journey config parsed');

const isParsed = (config: unknown): config is JourneyConfig =>
  typeof config === 'object' && config !== null && PARSED in config;

/**
 * Parses the config once, at startup. Strapi hands the validator the merged config object and
 * then keeps that very object as the plugin's config, so the object is filled with the parsed
 * values (defaults applied, presets named) and marked: every later read, Strapi's own
 * `strapi.plugin('journey').config(...)` included, gets the validated config without parsing
 * again, and a key changed at run time with `strapi.config.set` is still seen.
 */
export const validateJourneyConfig = (raw: unknown): JourneyConfig => {
  const config = parseJourneyConfig(raw);
  if (typeof raw !== 'object' || raw === null) return config;
  // The schema is strict, so the parsed config has every key the raw object has.
  return Object.defineProperty(Object.assign(raw, config), PARSED, { value: true });
};

/** The plugin config with defaults applied, as parsed at startup. */
export const getJourneyConfig = (strapi: Core.Strapi): JourneyConfig => {
  const config: unknown = strapi.config.get(`plugin::${PLUGIN_ID}`);
  if (isParsed(config)) return config;
  // Only when the whole config object was replaced after startup: parse that one once as well.
  return validateJourneyConfig(config);
};

export default {
  // No `stages` default here on purpose: Strapi merges array config by index with lodash
  // defaultsDeep, which would splice the default stages into a shorter user list. The fallback to
  // the default preset happens in the zod schema instead.
  default: {},
  validator(config: unknown) {
    validateJourneyConfig(config);
  },
};

export type { JourneyConfig };
