import request from 'supertest';
import type { Core } from '@strapi/strapi';

let counter = 0;

/** Creates an admin user with the given role (super admin by default) and returns a JWT for it. */
export const adminToken = async (
  strapi: Core.Strapi,
  roleId?: number | string
): Promise<string> => {
  counter += 1;
  const credentials = {
    email: `admin${counter}-${Date.now()}@journey.test`,
    password: 'Journey-test-1',
  };
  const role = roleId ?? (await strapi.service('admin::role').getSuperAdmin()).id;
  await strapi.service('admin::user').create({
    ...credentials,
    firstname: 'Test',
    lastname: `Admin ${counter}`,
    isActive: true,
    roles: [role],
  });
  const response = await request(strapi.server.httpServer).post('/admin/login').send(credentials);
  if (response.status !== 200)
    throw new Error(`admin login failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data.token;
};
