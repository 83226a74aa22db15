import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CONTENT_API_ACTIONS, PERSONA_UID } from '../../../shared/constants';
import { getJourneyConfig } from '../config';
import { getService } from '../utils/get-service';

/*
 * Drafts stay private (config `protectDrafts`). Strapi answers `status=draft` on the content API
 * (core REST `?status=draft`, GraphQL `status: DRAFT`) to any role holding `find`, so unpublished
 * personas and entries of tagged types would leak to the Public role. Every such read goes through
 * the Document Service with `status: 'draft'` inside a content-API request, so one Document Service
 * middleware guards core REST, GraphQL root queries and custom controllers alike; GraphQL nested
 * relations, which Strapi loads with the Query Engine, are guarded in graphql/draft-guard.ts.
 */

/** The Users & Permissions action (or custom API token permission) that allows reading drafts. */
export const PREVIEW_ACTION = CONTENT_API_ACTIONS.preview;

type Auth = Modules.Auth.AuthenticationService extends {
  verify(auth: infer A, ...rest: never[]): unknown;
}
  ? A
  : unknown;

/** Content types whose drafts are private: every tagged type, and personas. */
export const guardedUids = (strapi: Core.Strapi): ReadonlySet<string> =>
  new Set<string>([...getService(strapi, 'tagging').types.map((type) => type.uid), PERSONA_UID]);

/**
 * Whether the caller may read drafts, decided by Strapi's own auth strategies: a role holding the
 * action (Users & Permissions), a custom API token that includes it, or a full-access token. A
 * read-only token is refused: its scopes are `find`/`findOne` only, and this action is neither.
 */
export const mayReadDrafts = async (strapi: Core.Strapi, auth: unknown) => {
  if (!auth) return false;
  try {
    await strapi.auth.verify(auth as Auth, { scope: [PREVIEW_ACTION] });
    return true;
  } catch {
    return false;
  }
};

/**
 * The 403 of a refused draft read, naming the permission that would allow it. A PolicyError because
 * Strapi's route authorization turns any other ForbiddenError thrown below it into a bare
 * "Forbidden"; named ForbiddenError like every other 403 Strapi answers.
 */
class DraftsForbiddenError extends errors.PolicyError {
  constructor(uid: string) {
    super(
      `Drafts of ${uid} are private: status=draft needs the "${PREVIEW_ACTION}" permission ` +
        '(grant it to the role in Users & Permissions or to a custom API token) or a full-access API token.',
      { permission: PREVIEW_ACTION, uid }
    );
    Object.assign(this, { name: 'ForbiddenError' });
  }
}

export const draftsForbidden = (uid: string) => new DraftsForbiddenError(uid);

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const MAX_POPULATE_DEPTH = 10;

interface AttributeLike {
  type: string;
  target?: string;
  component?: string;
  components?: string[];
}

/** What an attribute leads to: a relation's target, a component, a dynamic zone's components. */
const targetsOf = (attribute: AttributeLike | undefined): string[] => {
  if (!attribute) return [];
  if (attribute.type === 'relation' && attribute.target) return [attribute.target];
  if (attribute.type === 'component' && attribute.component) return [attribute.component];
  if (attribute.type === 'dynamiczone') return attribute.components ?? [];
  return [];
};

/**
 * The guarded type a populate reaches, if any (as the Document Service receives it: `'*'`, `true`,
 * a comma list, a list of dotted paths or a nested object). A draft read of an unguarded type
 * populates drafts of its relations, e.g. `/api/tags?status=draft&populate=articles`. Beyond
 * MAX_POPULATE_DEPTH levels it answers the type it got to, so the read is refused.
 */
export const guardedTypeReached = (
  strapi: Core.Strapi,
  uid: string,
  populate: unknown,
  guarded: ReadonlySet<string>,
  depth = 0
): string | null => {
  if (populate === undefined || populate === null || populate === false) return null;
  const model = strapi.getModel(uid as UID.Schema) as
    | { attributes: Record<string, AttributeLike> }
    | undefined;
  if (!model) return null;
  // Fail closed: a populate deeper than any page needs is refused rather than followed.
  if (depth > MAX_POPULATE_DEPTH) return uid;
  const targets = (name: string) => targetsOf(model.attributes[name]);
  /** The first guarded type that one of `items` leads to. */
  const firstOf = <T>(items: T[], reach: (item: T) => string | null) => {
    for (const item of items) {
      const found = reach(item);
      if (found) return found;
    }
    return null;
  };
  const through = (target: string, nested: unknown) =>
    guarded.has(target) ? target : guardedTypeReached(strapi, target, nested, guarded, depth + 1);

  if (populate === '*' || populate === true) {
    return firstOf(Object.keys(model.attributes), (name) =>
      firstOf(targets(name), (target) => (guarded.has(target) ? target : null))
    );
  }
  const paths =
    typeof populate === 'string'
      ? populate.split(',')
      : Array.isArray(populate)
        ? populate.filter((path): path is string => typeof path === 'string')
        : null;
  if (paths) {
    return firstOf(paths, (path) => {
      const [head, ...rest] = path.trim().split('.');
      return firstOf(targets(head), (target) => through(target, rest.join('.') || undefined));
    });
  }
  if (typeof populate !== 'object') return null;
  return firstOf(Object.entries(populate as Record<string, unknown>), ([name, value]) =>
    firstOf(targets(name), (target) => {
      if (guarded.has(target)) return target;
      if (value === null || typeof value !== 'object') return null;
      const nested = value as { populate?: unknown; on?: Record<string, { populate?: unknown }> };
      return (
        through(target, nested.populate) ??
        firstOf(Object.entries(nested.on ?? {}), ([component, fragment]) =>
          through(component, fragment?.populate)
        )
      );
    })
  );
};

const isPublishedOrUnset = (status: unknown) => status === undefined || status === 'published';

/**
 * Document Service middleware: a content-API read with `status: 'draft'` of a guarded type (or
 * populating one) needs the preview permission. Admin requests (the Content Manager) and code
 * outside a request (bootstrap, cron) are untouched.
 */
export const createDraftGuardMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const params = context.params as { status?: unknown; populate?: unknown } | undefined;
    // The Document Service reads drafts for any status that is not exactly 'published' (core REST
    // passes `?status=DRAFT`, `?status=1` or a repeated `status` through as given): all of them are
    // draft reads. A read without a status is left alone here (code of the app reading its own
    // data); core REST always passes one.
    if (!READ_ACTIONS.has(context.action) || isPublishedOrUnset(params?.status)) return next();
    if (!getJourneyConfig(strapi).protectDrafts) return next();

    const request = strapi.requestContext.get() as
      | { state?: { route?: { info?: { type?: string } }; auth?: unknown } }
      | undefined;
    if (request?.state?.route?.info?.type !== 'content-api') return next();

    const guarded = guardedUids(strapi);
    const reached = guarded.has(context.uid)
      ? context.uid
      : guardedTypeReached(strapi, context.uid, params?.populate, guarded);
    if (reached && !(await mayReadDrafts(strapi, request.state.auth))) {
      throw draftsForbidden(reached);
    }
    return next();
  };
