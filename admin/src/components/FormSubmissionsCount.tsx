import { Flex, Link, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';

import { PLUGIN_ID } from '../../../shared/constants';
import { useSubmissions } from '../services/submissions';
import { toQueryString } from '../utils/coverageParams';
import { getTranslation } from '../utils/getTranslation';

/**
 * A form's edit view: how many submissions it has (`GET /journey/submissions?form=&pageSize=1`,
 * its pagination total), linked to the Submissions view filtered to it. Rendered only for editors
 * allowed to read submissions and for saved forms; a failed request shows nothing.
 */
export const FormSubmissionsCount = ({ documentId }: { documentId: string }) => {
  const { formatMessage } = useIntl();
  const { currentData, isError } = useSubmissions({ form: documentId, pageSize: '1' });

  if (isError || !currentData) return null;

  return (
    <Flex
      direction="column"
      alignItems="stretch"
      gap={1}
      width="100%"
      data-testid="journey-form-submissions"
    >
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({
          id: getTranslation('editor.submissions.title'),
          defaultMessage: 'Submissions',
        })}
      </Typography>
      <Typography variant="pi" textColor="neutral800" data-testid="journey-form-submissions-count">
        {formatMessage(
          {
            id: getTranslation('editor.submissions.count'),
            defaultMessage:
              '{count, plural, =0 {No submissions yet} one {# submission} other {# submissions}}',
          },
          { count: currentData.meta.pagination.total }
        )}
      </Typography>
      <Link
        tag={RouterLink}
        to={`/plugins/${PLUGIN_ID}/submissions?${toQueryString({ form: documentId })}`}
        data-testid="journey-form-submissions-link"
      >
        {formatMessage({
          id: getTranslation('editor.submissions.link'),
          defaultMessage: 'Open submissions',
        })}
      </Link>
    </Flex>
  );
};
