import { Button } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useAuth, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { useErrorMessage } from '../hooks/useErrorMessage';
import { useRecountCoverageMutation } from '../services/coverage';
import { getTranslation } from '../utils/getTranslation';

import type { RecountReport } from '../../../shared/contracts';

/** Strapi's code for the Super Admin role; the server's policy checks the same. */
const SUPER_ADMIN_ROLE = 'strapi-super-admin';

/**
 * "Recount": the reconcile step on demand (`POST /journey/coverage/recount`), for super admins
 * only (shown to no one else; the server refuses anyone else too). Says what it found: all
 * counts matching, or how many were corrected and where change tracking was put back.
 */
export const CoverageRecountButton = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const toMessage = useErrorMessage();
  const roles = useAuth('CoverageRecountButton', (auth) => auth.user?.roles ?? []);
  const [recount, { isLoading }] = useRecountCoverageMutation();
  if (!roles.some((role) => role.code === SUPER_ADMIN_ROLE)) return null;

  const describe = (report: RecountReport) => {
    const values = {
      checked: report.checked,
      corrected: report.corrected,
      ms: report.durationMs,
      tables: report.repairedTables.join(', '),
    };
    const outcome =
      report.corrected === 0
        ? formatMessage(
            {
              id: getTranslation('coverage.recount.matched'),
              defaultMessage:
                'Recounted in {ms} ms: {checked, plural, =0 {no kept counts to check} one {the kept count matched the database} other {all # kept counts matched the database}}.',
            },
            values
          )
        : formatMessage(
            {
              id: getTranslation('coverage.recount.corrected'),
              defaultMessage:
                'Recounted in {ms} ms: {corrected} of {checked} kept counts differed from the database and are corrected.',
            },
            values
          );
    if (report.repairedTables.length === 0) return outcome;
    const repaired = formatMessage(
      {
        id: getTranslation('coverage.recount.repaired'),
        defaultMessage: 'Change tracking was missing and is installed again on: {tables}.',
      },
      values
    );
    return `${outcome} ${repaired}`;
  };

  const run = async () => {
    const result = await recount();
    if ('error' in result) {
      toggleNotification({ type: 'danger', message: toMessage(result.error) });
      return;
    }
    const clean = result.data.corrected === 0 && result.data.repairedTables.length === 0;
    toggleNotification({ type: clean ? 'success' : 'warning', message: describe(result.data) });
  };

  return (
    <Button
      variant="secondary"
      startIcon={<ArrowClockwise />}
      onClick={run}
      loading={isLoading}
      data-testid="coverage-recount"
      title={formatMessage({
        id: getTranslation('coverage.recount.hint'),
        defaultMessage:
          'Count coverage again from the database and repair any count that drifted (super admins)',
      })}
    >
      {formatMessage({ id: getTranslation('coverage.recount'), defaultMessage: 'Recount' })}
    </Button>
  );
};
