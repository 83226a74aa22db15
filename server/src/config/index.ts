import { describeIssue, journeyConfigSchema, type JourneyConfig } from './schema';
import { formatPath } from '../utils/path';

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

export default {
  // No `stages` default here on purpose: Strapi merges array config by index with lodash
  // defaultsDeep, which would splice the default stages into a shorter user list. The fallback to
  // the default preset happens in the zod schema instead.
  default: {},
  validator(config: unknown) {
    parseJourneyConfig(config);
  },
};

export type { JourneyConfig };
