import {
  COVERAGE_READ_ACTION,
  PERFORMANCE_READ_ACTION,
  SUBMISSIONS_READ_ACTION,
} from '../../shared/constants';

import type { Permission } from '@strapi/strapi/admin';

/*
 * `subject: null` matters: Page.Protect compares subjects strictly, and the user's permission for a
 * plugin action carries `subject: null` (undefined would never match).
 */

/**
 * For Page.Protect and widgets, which only need action and subject (the plugin's own components ask
 * useJourneyPermissions).
 */
export const COVERAGE_READ_PERMISSIONS = [{ action: COVERAGE_READ_ACTION, subject: null }];

/** The Performance view, its admin API and the edit view's numbers. */
export const PERFORMANCE_READ_PERMISSIONS = [{ action: PERFORMANCE_READ_ACTION, subject: null }];

/** The Submissions view, its exports and the form edit view's count. */
export const SUBMISSIONS_READ_PERMISSIONS = [{ action: SUBMISSIONS_READ_ACTION, subject: null }];

/**
 * For `addMenuLink`, whose type asks for whole permission entities; only action and subject are
 * read, so the rest is filled with empty values, as Strapi's own plugins do.
 */
const menuPermission = (action: string): Permission => ({
  id: '',
  action,
  subject: null,
  actionParameters: {},
  properties: {},
  conditions: [],
  createdAt: '',
  updatedAt: '',
});

/**
 * The plugin's menu link leads to Coverage, Performance and Submissions: the admin shows it to a user holding
 * any of these (the pages then show only the views the user may read).
 */
export const JOURNEY_MENU_PERMISSIONS: Permission[] = [
  menuPermission(COVERAGE_READ_ACTION),
  menuPermission(PERFORMANCE_READ_ACTION),
  menuPermission(SUBMISSIONS_READ_ACTION),
];
