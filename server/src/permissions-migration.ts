import type { Core } from '@strapi/strapi';
import { RENAMED_CONTENT_API_ACTIONS } from '../../shared/constants';

/** Where Strapi keeps content-API grants: Users & Permissions roles, and API tokens. */
const GRANT_TABLES = [
  'plugin::users-permissions.permission',
  'admin::api-token-permission',
] as const;

/**
 * Moves grants of renamed content-API actions to their new names, so a role or API token that
 * could call an endpoint before an upgrade still can after it. Runs at every startup; idempotent
 * (nothing to move once done), and never duplicates a grant the role or token already holds.
 */
export const migrateRenamedActions = async (strapi: Core.Strapi) => {
  for (const uid of GRANT_TABLES) {
    if (!strapi.getModel(uid as never)) continue; // Users & Permissions not installed
    const owner = uid === 'admin::api-token-permission' ? 'token' : 'role';
    const query = strapi.db.query(uid as never);
    for (const [oldAction, newAction] of Object.entries(RENAMED_CONTENT_API_ACTIONS)) {
      const grants = (await query.findMany({
        where: { action: oldAction },
        populate: [owner],
      })) as Array<{ id: number } & Record<string, { id: number } | null | number | string>>;
      for (const grant of grants) {
        const ownerId = (grant[owner] as { id: number } | null)?.id;
        if (ownerId !== undefined) {
          const held = await query.findOne({ where: { action: newAction, [owner]: ownerId } });
          if (!held) await query.create({ data: { action: newAction, [owner]: ownerId } });
        }
        await query.delete({ where: { id: grant.id } });
      }
    }
  }
};
