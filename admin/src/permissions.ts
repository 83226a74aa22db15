import { COVERAGE_READ_ACTION } from '../../shared/constants';

import type { Permission } from '@strapi/strapi/admin';

/*
 * `subject: null` matters: Page.Protect compares subjects strictly, and the user's permission for a
 * plugin action carries `subject: null` (undefined would never match).
 */

/** For Page.Protect, useRBAC and widgets, which only need action and subject. */
export const COVERAGE_READ_PERMISSIONS = [{ action: COVERAGE_READ_ACTION, subject: null }];

/**
 * For `addMenuLink`, whose type asks for whole permission entities; only action and subject are
 * read, so the rest is filled with empty values, as Strapi's own plugins do.
 */
export const COVERAGE_MENU_PERMISSIONS: Permission[] = [
  {
    id: '',
    action: COVERAGE_READ_ACTION,
    subject: null,
    actionParameters: {},
    properties: {},
    conditions: [],
    createdAt: '',
    updatedAt: '',
  },
];
