import * as React from 'react';

import { Flex, Link, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import { styled } from 'styled-components';

import { PLUGIN_ID } from '../../../shared/constants';
import { useCoverageMatrix } from '../services/coverage';
import { DEFAULT_COVERAGE_FILTERS, toCoverageParams, toQueryString } from '../utils/coverageParams';
import { LEVEL_TONES, toneColor } from '../utils/coverageView';
import { entryCoverageLines } from '../utils/editor';
import { getTranslation } from '../utils/getTranslation';
import { LevelBadge } from './LevelBadge';

import type { Tone } from '../utils/coverageView';
import type { EntryCoverageLine } from '../utils/editor';

/** Tinted like the coverage page's cells, so a thin line here looks like a thin cell there. */
const Line = styled.li<{ $tone: Tone }>`
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: space-between;
  gap: ${({ theme }) => theme.spaces[1]};
  padding: ${({ theme }) => `${theme.spaces[2]} ${theme.spaces[3]}`};
  border-radius: ${({ theme }) => theme.borderRadius};
  border: 1px solid ${({ theme, $tone }) => theme.colors[toneColor($tone, 200)]};
  background: ${({ theme, $tone }) => theme.colors[toneColor($tone, 100)]};
  color: ${({ theme, $tone }) => theme.colors[toneColor($tone, 700)]};
`;

const CoverageLine = ({ line }: { line: EntryCoverageLine }) => {
  const { formatMessage } = useIntl();
  const values = { stage: line.stageLabel, persona: line.personaName ?? '', count: line.count, minimum: line.minimum };
  const text =
    line.personaName === null
      ? formatMessage(
          {
            id: getTranslation('editor.coverage.line.total'),
            defaultMessage: '{stage}, all personas: {count} of {minimum}',
          },
          values
        )
      : formatMessage(
          { id: getTranslation('editor.coverage.line'), defaultMessage: '{stage} x {persona}: {count} of {minimum}' },
          values
        );

  return (
    <Line $tone={LEVEL_TONES[line.status]} data-testid="journey-coverage-line" data-status={line.status}>
      <Typography variant="pi" fontWeight="semiBold" textColor="inherit">
        {text}
      </Typography>
      {/* The level as a word as well as a colour. */}
      <LevelBadge level={line.status} />
    </Line>
  );
};

interface EntryCoverageProps {
  stage: string;
  /** Document ids of the entry's personas; null while they are unknown (then: the stage total). */
  personaDocumentIds: string[] | null;
  locale: string | null;
}

/**
 * Where this entry's stage (and personas) stand: published content of all tagged types in the
 * entry's locale, the coverage page's defaults, so the numbers match what its link opens.
 * Rendered only for editors allowed to read coverage; a failed request simply shows nothing.
 */
export const EntryCoverage = ({ stage, personaDocumentIds, locale }: EntryCoverageProps) => {
  const { formatMessage } = useIntl();
  const filters = React.useMemo(() => ({ ...DEFAULT_COVERAGE_FILTERS, locale }), [locale]);
  const { data } = useCoverageMatrix(filters);
  const lines = React.useMemo(
    () => (data ? entryCoverageLines(data, stage, personaDocumentIds ?? []) : []),
    [data, stage, personaDocumentIds]
  );

  if (lines.length === 0) return null;

  const query = toQueryString(toCoverageParams(filters));
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%" data-testid="journey-coverage">
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({ id: getTranslation('editor.coverage.title'), defaultMessage: 'Coverage (published)' })}
      </Typography>
      <Flex tag="ul" direction="column" alignItems="stretch" gap={1}>
        {lines.map((line) => (
          <CoverageLine key={line.key} line={line} />
        ))}
      </Flex>
      <Link
        tag={RouterLink}
        to={`/plugins/${PLUGIN_ID}${query ? `?${query}` : ''}`}
        data-testid="journey-coverage-link"
      >
        {formatMessage({ id: getTranslation('editor.coverage.link'), defaultMessage: 'Open coverage' })}
      </Link>
    </Flex>
  );
};
