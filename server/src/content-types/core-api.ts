import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { BUILT_IN_TYPES } from '../../../shared/constants';
import {
  assertCorePagination,
  assertCoreStatus,
  assertNoObjectNames,
} from '../utils/core-rest-params';

/**
 * Strapi's core REST for the shipped kinds, read-only: `GET /api/journey/<plural>` and
 * `/api/journey/<plural>/:documentId`, with everything core REST gives a user's own type (filters,
 * populate, fields, sort, pagination, locale, status, sanitizing per role) and the actions
 * `plugin::journey.<type>.find` / `findOne` that Users & Permissions lists for roles to grant.
 *
 * Built by Strapi's own factories rather than written here, so the semantics (and their future
 * fixes) are Strapi's. No create, update or delete route: editors write in the Content Manager.
 */
const READ_ONLY = { only: ['find', 'findOne'] };

/**
 * Core REST's own controller, with object names, `status` and the pagination numbers checked first
 * (utils/core-rest-params.ts); everything else (validation of fields, populate, filters and sort,
 * sanitizing) is Strapi's.
 */
const readOnlyController = (uid: (typeof BUILT_IN_TYPES)[keyof typeof BUILT_IN_TYPES]) =>
  factories.createCoreController(uid, () => ({
    async find(ctx: Context) {
      assertNoObjectNames(ctx.query);
      assertCoreStatus(ctx.query);
      assertCorePagination(ctx.query);
      return super.find(ctx);
    },
    async findOne(ctx: Context) {
      assertNoObjectNames(ctx.query);
      assertCoreStatus(ctx.query);
      return super.findOne(ctx);
    },
  }));

export const shippedControllers = {
  'blog-post': readOnlyController(BUILT_IN_TYPES['blog-post']),
  'landing-page': readOnlyController(BUILT_IN_TYPES['landing-page']),
  cta: readOnlyController(BUILT_IN_TYPES.cta),
  form: readOnlyController(BUILT_IN_TYPES.form),
};

export const shippedServices = {
  'blog-post': factories.createCoreService(BUILT_IN_TYPES['blog-post']),
  'landing-page': factories.createCoreService(BUILT_IN_TYPES['landing-page']),
  cta: factories.createCoreService(BUILT_IN_TYPES.cta),
  form: factories.createCoreService(BUILT_IN_TYPES.form),
};

export const shippedRouters = {
  'blog-post': factories.createCoreRouter(BUILT_IN_TYPES['blog-post'], READ_ONLY),
  'landing-page': factories.createCoreRouter(BUILT_IN_TYPES['landing-page'], READ_ONLY),
  cta: factories.createCoreRouter(BUILT_IN_TYPES.cta, READ_ONLY),
  form: factories.createCoreRouter(BUILT_IN_TYPES.form, READ_ONLY),
};
