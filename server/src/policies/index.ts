import { errors } from '@strapi/utils';
import type { Context } from 'koa';

/** Strapi's code for the Super Admin role (admin::role), the one role no one can trim. */
const SUPER_ADMIN_ROLE = 'strapi-super-admin';

/**
 * Admin routes for super admins only. RBAC actions can be granted to any role, and recounting is
 * an operator's repair tool (it reads every tagged table, and at a million entries takes seconds),
 * so it is tied to the role itself, as Strapi ties its own instance-wide settings to it.
 */
const isSuperAdmin = (policyContext: Context) => {
  const roles = (policyContext.state.user?.roles ?? []) as Array<{ code?: string }>;
  if (roles.some((role) => role.code === SUPER_ADMIN_ROLE)) return true;
  throw new errors.PolicyError('Only a super admin can recount the journey counts.');
};

export default { 'is-super-admin': isSuperAdmin };
