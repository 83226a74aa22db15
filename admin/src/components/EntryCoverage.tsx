import { Flex, Link, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import { styled } from 'styled-components';

import { PLUGIN_ID } from '../../../shared/constants';
import { useEntryCoverage } from '../services/coverage';
import { DEFAULT_COVERAGE_FILTERS, toCoverageParams, toQueryString } from '../utils/coverageParams';
import { LEVEL_TONES, toneColor } from '../utils/coverageView';
import { getTranslation } from '../utils/getTranslation';
import { LevelBadge } from './LevelBadge';

import type { Tone } from '../utils/coverageView';
import type { CoverageStage, EntryCoverageLine } from '../../../shared/contracts';

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

const CoverageLine = ({ stage, line }: { stage: CoverageStage; line: EntryCoverageLine }) => {
  const { formatMessage } = useIntl();
  const values = {
    stage: stage.label,
    persona: line.persona?.name ?? '',
    count: line.count,
    minimum: line.minimum,
  };
  const text =
    line.persona === null
      ? formatMessage(
          {
            id: getTranslation('editor.coverage.line.total'),
            defaultMessage: '{stage}, all personas: {count} of {minimum}',
          },
          values
        )
      : formatMessage(
          {
            id: getTranslation('editor.coverage.line'),
            defaultMessage: '{stage} x {persona}: {count} of {minimum}',
          },
          values
        );

  return (
    <Line
      $tone={LEVEL_TONES[line.status]}
      data-testid="journey-coverage-line"
      data-status={line.status}
    >
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
  /**
   * Document ids of the entry's personas (none: the stage total); null while they are still
   * being read, so no request is made for an answer about to be replaced.
   */
  personaDocumentIds: readonly string[] | null;
  locale: string | null;
}

/**
 * Where this entry's stage (and personas) stand: published content of all tagged types in the
 * entry's locale, the coverage page's defaults, so the numbers match what its link opens. The
 * server counts just this stage (`GET /journey/coverage/entry`). Rendered only for editors
 * allowed to read coverage; a failed request simply shows nothing.
 */
export const EntryCoverage = ({ stage, personaDocumentIds, locale }: EntryCoverageProps) => {
  const { formatMessage } = useIntl();
  // The answer for this stage and these personas only: a previous choice's line would mislead.
  const { currentData: coverage } = useEntryCoverage(
    { stage, personaDocumentIds: personaDocumentIds ?? [], locale },
    { skip: personaDocumentIds === null }
  );

  if (!coverage || coverage.lines.length === 0) return null;

  const query = toQueryString(toCoverageParams({ ...DEFAULT_COVERAGE_FILTERS, locale }));
  return (
    <Flex
      direction="column"
      alignItems="stretch"
      gap={2}
      width="100%"
      data-testid="journey-coverage"
    >
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({
          id: getTranslation('editor.coverage.title'),
          defaultMessage: 'Coverage (published)',
        })}
      </Typography>
      <Flex tag="ul" direction="column" alignItems="stretch" gap={1}>
        {coverage.lines.map((line) => (
          <CoverageLine
            key={line.persona?.slug ?? coverage.stage.key}
            stage={coverage.stage}
            line={line}
          />
        ))}
      </Flex>
      <Link
        tag={RouterLink}
        to={`/plugins/${PLUGIN_ID}${query ? `?${query}` : ''}`}
        data-testid="journey-coverage-link"
      >
        {formatMessage({
          id: getTranslation('editor.coverage.link'),
          defaultMessage: 'Open coverage',
        })}
      </Link>
    </Flex>
  );
};
