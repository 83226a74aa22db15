/*
 * Stands in for @strapi/admin-test-utils, which @strapi/admin's test helpers
 * (`@strapi/admin/strapi-admin/test`) require only for `fixtures.permissions.allPermissions`: the
 * permissions every rendered component gets by default. The package is not installed here (it is
 * a devDependency of Strapi's monorepo, not shipped with @strapi/admin). None by default: each
 * test names the permissions it needs.
 */
export const fixtures = { permissions: { allPermissions: [] } };
