import { Box, Flex, IconButton, Link, Loader, Typography } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';

import { PERFORMANCE_GENERIC_ERROR, useErrorMessage } from '../hooks/useErrorMessage';
import { usePerformanceFormat } from '../hooks/usePerformanceFormat';
import { usePerformanceEntries } from '../services/performance';
import { contentManagerEditUrl } from '../utils/contentManagerUrl';
import { getTranslation } from '../utils/getTranslation';

import type {
  PerformanceEntriesQuery,
  PerformanceEntry,
  TaggedTypeInfo,
} from '../../../shared/contracts';

interface EntryListProps {
  title: string;
  entries: PerformanceEntry[];
  types: readonly TaggedTypeInfo[];
  /** What an empty list says. */
  empty: string;
  testId: string;
}

const EntryList = ({ title, entries, types, empty, testId }: EntryListProps) => {
  const { formatMessage } = useIntl();
  const format = usePerformanceFormat();

  return (
    <Flex
      direction="column"
      alignItems="stretch"
      gap={2}
      flex="1 1 28rem"
      minWidth={0}
      data-testid={testId}
    >
      <Typography variant="sigma" textColor="neutral600" tag="h3">
        {title}
      </Typography>
      {entries.length === 0 ? (
        <Typography variant="pi" textColor="neutral600" data-testid={`${testId}-empty`}>
          {empty}
        </Typography>
      ) : (
        <Flex tag="ol" direction="column" alignItems="stretch" gap={2}>
          {entries.map((entry) => {
            const type = types.find((candidate) => candidate.name === entry.type);
            const title =
              entry.title ||
              formatMessage(
                {
                  id: getTranslation('performance.entries.untitled'),
                  defaultMessage: 'Untitled ({documentId})',
                },
                { documentId: entry.documentId }
              );
            return (
              <li
                key={`${entry.type}:${entry.documentId}:${entry.locale ?? ''}`}
                data-testid={`${testId}-entry`}
                data-document-id={entry.documentId}
              >
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  {type ? (
                    <Link
                      tag={RouterLink}
                      to={contentManagerEditUrl({
                        uid: type.uid,
                        documentId: entry.documentId,
                        locale: entry.locale,
                      })}
                    >
                      {title}
                    </Link>
                  ) : (
                    <Typography variant="omega" fontWeight="semiBold">
                      {title}
                    </Typography>
                  )}
                  <Typography variant="pi" textColor="neutral700" data-testid={`${testId}-numbers`}>
                    {formatMessage(
                      {
                        id: getTranslation('performance.entries.numbers'),
                        defaultMessage:
                          '{type} · {views, plural, one {# view} other {# views}} · {clicks, plural, one {# click} other {# clicks}} · {conversions, plural, one {# conversion} other {# conversions}} · {rate}',
                      },
                      {
                        type: type?.displayName ?? entry.type,
                        views: entry.views,
                        clicks: entry.clicks,
                        conversions: entry.conversions,
                        rate: format.rate(entry.conversionRate),
                      }
                    )}
                  </Typography>
                </Flex>
              </li>
            );
          })}
        </Flex>
      )}
    </Flex>
  );
};

interface PerformanceEntriesPanelProps {
  /** "Decision x Restaurant owner" or "Decision, whole stage". */
  name: string;
  query: PerformanceEntriesQuery;
  /** Tagged types, for their names and Content Manager links. */
  types: readonly TaggedTypeInfo[];
  onClose: () => void;
}

/**
 * The open cell's best and weakest converting entries, each linking to its edit view. Only
 * entries with at least minViews views are ranked (a rate of 1 in 2 says little); how many were
 * left out for that is written under the lists.
 */
export const PerformanceEntriesPanel = ({
  name,
  query,
  types,
  onClose,
}: PerformanceEntriesPanelProps) => {
  const { formatMessage } = useIntl();
  const toMessage = useErrorMessage(PERFORMANCE_GENERIC_ERROR);
  // Only the answer for this cell: the previous cell's entries would mislead while loading.
  const { currentData: entries, isError, error } = usePerformanceEntries(query);

  let body: React.ReactNode;
  if (isError) {
    body = (
      <Typography variant="pi" textColor="danger600" data-testid="performance-entries-error">
        {toMessage(error)}
      </Typography>
    );
  } else if (!entries) {
    body = (
      <Flex justifyContent="center" padding={4}>
        <Loader small>
          {formatMessage({
            id: getTranslation('performance.entries.loading'),
            defaultMessage: 'Loading entries...',
          })}
        </Loader>
      </Flex>
    );
  } else {
    const { minViews } = entries.filters;
    const noneRanked = formatMessage(
      {
        id: getTranslation('performance.entries.none'),
        defaultMessage: 'No entry has {minViews} views in this period yet.',
      },
      { minViews }
    );
    body = (
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex gap={6} wrap="wrap" alignItems="flex-start">
          <EntryList
            title={formatMessage({
              id: getTranslation('performance.entries.best'),
              defaultMessage: 'Best converting',
            })}
            entries={entries.best}
            types={types}
            empty={noneRanked}
            testId="performance-entries-best"
          />
          <EntryList
            title={formatMessage({
              id: getTranslation('performance.entries.weakest'),
              defaultMessage: 'Weakest converting',
            })}
            entries={entries.weakest}
            types={types}
            // The server never lists an entry twice: with few ranked entries all are "best".
            empty={
              entries.best.length > 0
                ? formatMessage({
                    id: getTranslation('performance.entries.allListed'),
                    defaultMessage: 'Every ranked entry is listed under best converting.',
                  })
                : noneRanked
            }
            testId="performance-entries-weakest"
          />
        </Flex>
        <Typography variant="pi" textColor="neutral600" data-testid="performance-entries-min-views">
          {formatMessage(
            {
              id: getTranslation('performance.entries.minViews'),
              defaultMessage:
                'Ranked by conversion rate: only entries with at least {minViews} views in the period. {below, plural, =0 {No entry with views was left out.} one {# entry had fewer views and is not ranked.} other {# entries had fewer views and are not ranked.}}',
            },
            { minViews, below: entries.belowMinViews }
          )}
        </Typography>
      </Flex>
    );
  }

  return (
    <Box
      data-testid="performance-entries"
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      padding={5}
      tag="section"
      aria-labelledby="journey-performance-entries-title"
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between" alignItems="flex-start" gap={2}>
          <Typography id="journey-performance-entries-title" variant="delta" tag="h2">
            {formatMessage(
              {
                id: getTranslation('performance.entries.title'),
                defaultMessage: 'Entries: {name}',
              },
              { name }
            )}
          </Typography>
          <IconButton
            label={formatMessage({
              id: getTranslation('performance.entries.close'),
              defaultMessage: 'Close the entries',
            })}
            onClick={onClose}
            variant="ghost"
            data-testid="performance-entries-close"
          >
            <Cross />
          </IconButton>
        </Flex>
        {body}
      </Flex>
    </Box>
  );
};
