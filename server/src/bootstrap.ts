import type { Core } from '@strapi/strapi';
import { ADMIN_ACTIONS } from './permissions';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  // Super admins get every registered action; other roles are granted it in Settings > Roles.
  await strapi.service('admin::permission').actionProvider.registerMany(ADMIN_ACTIONS);
};

export default bootstrap;
