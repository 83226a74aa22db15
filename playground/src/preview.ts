/**
 * Strapi's Preview (the Content Manager's "Open preview") against the demo site, done the way a
 * real frontend should do it:
 *
 * 1. The admin asks `config/admin.ts`'s preview handler for a URL. Strapi 5.54 answers that route
 *    for any signed-in admin ("TODO: Permissions" in its controller), so the handler first checks
 *    that this admin may read the type in the Content Manager, then signs a short-lived grant for
 *    exactly one document, locale and status.
 * 2. The demo page (static, so it can hold no secret) sends the grant to `GET /api/demo-preview`.
 * 3. That route checks the grant and reads the entry through the plugin's REST with an API token
 *    the server keeps: a custom token holding `plugin::journey.preview.drafts`, which is what
 *    Drafts stay private asks of anyone reading drafts on the content API. Visitors never see it.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/** The kinds the demo renders as pages, and the routes that read them (plural path, image field). */
export const PREVIEWABLE = {
  'plugin::journey.blog-post': { type: 'blog-post', path: 'blog-posts', image: 'cover' },
  'plugin::journey.landing-page': { type: 'landing-page', path: 'landing-pages', image: 'hero' },
} as const;

type PreviewableUid = keyof typeof PREVIEWABLE;

const isPreviewable = (uid: string): uid is PreviewableUid =>
  Object.prototype.hasOwnProperty.call(PREVIEWABLE, uid);

/** Long enough to edit a page with the preview open; the link is useless to anyone after that. */
export const GRANT_LIFETIME_MS = 60 * 60 * 1000;

export interface PreviewGrant {
  uid: PreviewableUid;
  documentId: string;
  locale: string | null;
  status: 'draft' | 'published';
  /** Expiry, in milliseconds since the epoch. */
  exp: number;
}

const secret = () => process.env.PREVIEW_SECRET ?? 'journey-demo-preview-secret';

const signature = (payload: string) =>
  crypto.createHmac('sha256', secret()).update(payload).digest('base64url');

export const signGrant = (grant: PreviewGrant): string => {
  const payload = Buffer.from(JSON.stringify(grant)).toString('base64url');
  return `${payload}.${signature(payload)}`;
};

const REOPEN = 'Open Preview again from the Content Manager.';

/**
 * A 403 with its message kept: Strapi's route authorization turns a plain ForbiddenError thrown
 * below it into a bare "Forbidden", a PolicyError it passes on (as server/src/drafts/guard.ts does).
 */
const refused = (message: string) =>
  Object.assign(new errors.PolicyError(message), { name: 'ForbiddenError' });

/** The grant's contents, once its signature and expiry are checked; a 4xx otherwise. */
export const readGrant = (grant: unknown, now = Date.now()): PreviewGrant => {
  if (typeof grant !== 'string' || !/^[\w-]+\.[\w-]+$/.test(grant)) {
    throw new errors.ValidationError(`grant is missing or malformed. ${REOPEN}`);
  }
  const [payload, signed] = grant.split('.');
  const expected = Buffer.from(signature(payload));
  const given = Buffer.from(signed);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    throw refused(`This preview link is not valid. ${REOPEN}`);
  }
  const contents = JSON.parse(Buffer.from(payload, 'base64url').toString()) as PreviewGrant;
  if (contents.exp <= now) {
    throw refused(
      `This preview link has expired (links last ${GRANT_LIFETIME_MS / 60000} minutes). ${REOPEN}`
    );
  }
  return contents;
};

interface PreviewParams {
  documentId?: string;
  locale?: string | null;
  status?: string;
}

/**
 * The preview handler of config/admin.ts: the demo URL for a blog post or landing page, or null
 * (no preview: the admin answers 204) for other types and for admins who may not read the type.
 * Null rather than an error because Strapi turns any error of a handler into a 400 "Failed to get
 * preview URL"; what matters is that no grant is signed for them.
 */
export const demoPreviewUrl = (
  strapi: Core.Strapi,
  uid: string,
  { documentId, locale, status }: PreviewParams
): string | null => {
  if (!isPreviewable(uid) || !documentId) return null;
  const ability = strapi.requestContext.get()?.state?.userAbility;
  if (!ability?.can('plugin::content-manager.explorer.read', uid)) return null;
  const grant = signGrant({
    uid,
    documentId,
    locale: locale ?? null,
    status: status === 'published' ? 'published' : 'draft',
    exp: Date.now() + GRANT_LIFETIME_MS,
  });
  return `/demo/#/preview?grant=${grant}`;
};

/* ---------------------------------------------------------------------------------------------
 * The server's own API token: what a frontend's preview route holds in an environment variable.
 * ------------------------------------------------------------------------------------------- */

const TOKEN_NAME = 'Journey demo preview';

/**
 * Reading one shipped page, drafts included, and nothing else: the preview action and `findOne` of
 * each previewable kind this app has (none with the plugin's `builtInTypes: false`).
 */
export const previewTokenPermissions = (strapi: Core.Strapi) => {
  const kinds = Object.entries(PREVIEWABLE).filter(([uid]) => strapi.contentTypes[uid as never]);
  if (kinds.length === 0) return [];
  return [
    'plugin::journey.preview.drafts',
    ...kinds.map(([, { type }]) => `plugin::journey.${type}.findOne`),
  ];
};

let accessKey: string | undefined;

interface ApiTokenService {
  getByName(name: string, options?: { includeDecryptedKey?: boolean }): Promise<StoredToken | null>;
  create(attributes: Record<string, unknown>): Promise<{ accessKey: string }>;
  update(id: number, attributes: Record<string, unknown>): Promise<unknown>;
  regenerate(id: number): Promise<{ accessKey: string }>;
}

interface StoredToken {
  id: number;
  type: string;
  permissions?: string[];
  accessKey?: string;
}

/**
 * Creates the demo's preview token, or reads back the one an earlier boot made (Strapi keeps the
 * key encrypted with admin.secrets.encryptionKey), so the key is never written anywhere else.
 */
export const ensurePreviewToken = async (strapi: Core.Strapi) => {
  const permissions = previewTokenPermissions(strapi);
  // Nothing to preview without the shipped kinds; the preview handler offers no URL then.
  if (permissions.length === 0) return;
  const tokens = strapi.service('admin::api-token-content-api') as unknown as ApiTokenService;
  const existing = await tokens.getByName(TOKEN_NAME, { includeDecryptedKey: true });
  if (!existing) {
    const created = await tokens.create({
      name: TOKEN_NAME,
      description:
        "The demo site's preview route reads drafts with it (playground/src/preview.ts).",
      type: 'custom',
      lifespan: null,
      permissions,
    });
    accessKey = created.accessKey;
    return;
  }
  const held = new Set(existing.permissions ?? []);
  if (
    existing.type !== 'custom' ||
    held.size !== permissions.length ||
    permissions.some((action) => !held.has(action))
  ) {
    await tokens.update(existing.id, { type: 'custom', permissions });
  }
  // A token saved before an encryption key was configured cannot be read back: make a new key.
  accessKey = existing.accessKey ?? (await tokens.regenerate(existing.id)).accessKey;
};

/** This server's own address, from the socket the request came in on (never from the Host header). */
const ownOrigin = (socket: { localAddress?: string; localPort?: number }) => {
  const address = socket.localAddress ?? '127.0.0.1';
  return `http://${address.includes(':') ? `[${address}]` : address}:${socket.localPort}`;
};

/**
 * The entry a grant opens, read through `GET /api/journey/<plural>/:documentId` with the server's
 * token, populated as the demo renders it. The plugin's answer (entry or error) is passed on.
 */
export const readPreviewEntry = async (
  grant: PreviewGrant,
  socket: { localAddress?: string; localPort?: number }
): Promise<{ status: number; body: unknown }> => {
  if (!accessKey) throw new errors.ApplicationError('The preview token is not ready yet.');
  const { path, image } = PREVIEWABLE[grant.uid];
  const query = new URLSearchParams({ status: grant.status });
  if (grant.locale) query.set('locale', grant.locale);
  query.set(`populate[${image}]`, 'true');
  query.set('populate[seo][populate][shareImage]', 'true');
  const url = `${ownOrigin(socket)}/api/journey/${path}/${encodeURIComponent(grant.documentId)}?${query}`;
  const response = await fetch(url, { headers: { Authorization: `Bearer ${accessKey}` } });
  return { status: response.status, body: await response.json() };
};
