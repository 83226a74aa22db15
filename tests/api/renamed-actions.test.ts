import request from 'supertest';
import { createTestDatabase } from '../helpers/database';
import { bootStrapi, restartStrapi } from '../helpers/strapi';

/**
 * Content-API actions renamed in a release keep their grants: roles and API tokens that could call
 * an endpoint before an upgrade still can after it (server/src/permissions-migration.ts).
 */
describe('renamed actions', () => {
  it('moves grants of content.next (0.1) to next-content.find at startup, for roles and tokens', async () => {
    const database = await createTestDatabase();
    let first = await bootStrapi({ database });
    let tokenKey: string;
    try {
      const { strapi } = first;
      const roles = strapi.db.query('plugin::users-permissions.role');
      const permissions = strapi.db.query('plugin::users-permissions.permission');
      const authenticated = await roles.findOne({ where: { type: 'authenticated' } });
      const publicRole = await roles.findOne({ where: { type: 'public' } });
      // As 0.1 left them: Authenticated with the old action only; Public with both names.
      await permissions.deleteMany({
        where: { action: 'plugin::journey.next-content.find', role: authenticated.id },
      });
      await permissions.create({
        data: { action: 'plugin::journey.content.next', role: authenticated.id },
      });
      await permissions.create({
        data: { action: 'plugin::journey.content.next', role: publicRole.id },
      });
      const token = await strapi.service('admin::api-token').create({
        name: 'frontend 0.1',
        type: 'custom',
        lifespan: null,
        permissions: ['plugin::journey.stage.find'],
      });
      tokenKey = token.accessKey;
      await strapi.db
        .query('admin::api-token-permission')
        .create({ data: { action: 'plugin::journey.content.next', token: token.id } });
    } finally {
      await first.stop({ keepDatabase: true });
    }

    first = await restartStrapi({ database });
    try {
      const { strapi } = first;
      const grants = async (action: string) =>
        (
          await strapi.db
            .query('plugin::users-permissions.permission')
            .findMany({ where: { action }, populate: ['role'] })
        )
          .map((grant: { role: { type: string } }) => grant.role.type)
          .sort();
      expect(await grants('plugin::journey.content.next')).toEqual([]);
      // Each role once, though Public held both names.
      expect(await grants('plugin::journey.next-content.find')).toEqual([
        'authenticated',
        'public',
      ]);
      const tokenActions =
        // This test's token only: the playground keeps a preview token of its own.
        (
          await strapi.db.query('admin::api-token-permission').findMany({
            select: ['action'],
            where: { token: { name: 'frontend 0.1' } },
          })
        )
          .map((grant: { action: string }) => grant.action)
          .sort();
      expect(tokenActions).toEqual([
        'plugin::journey.next-content.find',
        'plugin::journey.stage.find',
      ]);
      const response = await request(strapi.server.httpServer)
        .get('/api/journey/content/next?stage=awareness')
        .set('Authorization', `Bearer ${tokenKey!}`);
      expect(response.status).toBe(200);
    } finally {
      await first.stop();
    }
  });
});
