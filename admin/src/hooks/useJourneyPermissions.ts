import * as React from 'react';

import { useAuth } from '@strapi/strapi/admin';

import {
  COVERAGE_READ_ACTION,
  PERFORMANCE_READ_ACTION,
  SUBMISSIONS_DELETE_ACTION,
  SUBMISSIONS_READ_ACTION,
} from '../../../shared/constants';

export interface JourneyPermissions {
  /** True until the signed-in user's permissions have loaded: decide nothing before. */
  isLoading: boolean;
  canReadCoverage: boolean;
  canReadPerformance: boolean;
  canReadSubmissions: boolean;
  canDeleteSubmissions: boolean;
}

/**
 * What the signed-in user may do in the plugin, read from the user's permissions as they are at
 * each render, the way Strapi's Page.Protect reads them.
 *
 * Not Strapi's useRBAC: it checks once per list of permissions, when the component mounts. After a
 * page load the plugin's page can mount before the user's permissions have arrived; that check
 * then finds none, and the answer stays "not allowed" for the life of the component (a super admin
 * was shown "You don't have the permissions to access that content" on the coverage page in a
 * browser test, once in a few runs).
 *
 * The plugin's actions have no subject, and the server's permission check allows a held action
 * whatever conditions it carries, so holding the action is the answer here too.
 */
export const useJourneyPermissions = (): JourneyPermissions => {
  const isLoading = useAuth('useJourneyPermissions', (auth) => auth.isLoading);
  const permissions = useAuth('useJourneyPermissions', (auth) => auth.permissions);
  return React.useMemo(() => {
    const holds = (action: string) =>
      !isLoading && (permissions ?? []).some((permission) => permission.action === action);
    return {
      isLoading,
      canReadCoverage: holds(COVERAGE_READ_ACTION),
      canReadPerformance: holds(PERFORMANCE_READ_ACTION),
      canReadSubmissions: holds(SUBMISSIONS_READ_ACTION),
      canDeleteSubmissions: holds(SUBMISSIONS_DELETE_ACTION),
    };
  }, [isLoading, permissions]);
};
