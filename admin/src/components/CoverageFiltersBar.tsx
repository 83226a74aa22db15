import {
  Box,
  Field,
  Flex,
  MultiSelect,
  MultiSelectOption,
  SingleSelect,
  SingleSelectOption,
  Toggle,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { COVERAGE_STATUSES } from '../../../shared/contracts';
import { getTranslation } from '../utils/getTranslation';

import type { CoverageOptions } from '../services/coverage';
import type { CoverageFilters } from '../utils/coverageParams';
import type { CoverageStatus } from '../../../shared/contracts';
import type { ChangeEvent } from 'react';

interface CoverageFiltersBarProps {
  filters: CoverageFilters;
  onChange: (next: CoverageFilters) => void;
  /** Undefined while loading or when the options request failed: the type/locale pickers wait. */
  options: CoverageOptions | undefined;
  staleAfterDays: number | undefined;
}

const isStatus = (value: string | number): value is CoverageStatus =>
  (COVERAGE_STATUSES as readonly (string | number)[]).includes(value);

/** Content type, locale, status and freshness. Wraps onto several lines on narrow screens. */
export const CoverageFiltersBar = ({
  filters,
  onChange,
  options,
  staleAfterDays,
}: CoverageFiltersBarProps) => {
  const { formatMessage } = useIntl();
  const types = options?.types ?? [];
  const locales = options?.locales ?? [];
  const defaultLocale = locales.find((locale) => locale.isDefault)?.code ?? null;

  const statusLabels: Record<CoverageStatus, string> = {
    published: formatMessage({
      id: getTranslation('coverage.filters.status.published'),
      defaultMessage: 'Published',
    }),
    draft: formatMessage({
      id: getTranslation('coverage.filters.status.draft'),
      defaultMessage: 'Drafts (never published)',
    }),
    all: formatMessage({
      id: getTranslation('coverage.filters.status.all'),
      defaultMessage: 'All',
    }),
  };

  return (
    <Flex gap={4} wrap="wrap" alignItems="flex-start" data-testid="coverage-filters">
      <Box data-testid="coverage-filter-type" width="28rem" maxWidth="100%">
        <Field.Root name="type" id="journey-coverage-type">
          <Field.Label>
            {formatMessage({
              id: getTranslation('coverage.filters.types'),
              defaultMessage: 'Content types',
            })}
          </Field.Label>
          <MultiSelect
            disabled={options === undefined}
            placeholder={formatMessage({
              id: getTranslation('coverage.filters.types.all'),
              defaultMessage: 'All types',
            })}
            value={filters.types}
            onChange={(next: string[]) => onChange({ ...filters, types: next })}
            onClear={() => onChange({ ...filters, types: [] })}
            clearLabel={formatMessage({
              id: getTranslation('coverage.filters.types.clear'),
              defaultMessage: 'Show all types',
            })}
            customizeContent={(value?: string[]) =>
              (value ?? [])
                .map((name) => types.find((type) => type.name === name)?.displayName ?? name)
                .join(', ')
            }
          >
            {types.map((type) => (
              <MultiSelectOption key={type.name} value={type.name}>
                {type.displayName}
              </MultiSelectOption>
            ))}
          </MultiSelect>
        </Field.Root>
      </Box>

      {/* Without i18n (or with a single locale) there is nothing to choose. */}
      {locales.length > 1 ? (
        <Box data-testid="coverage-filter-locale" width="20rem" maxWidth="100%">
          <Field.Root name="locale" id="journey-coverage-locale">
            <Field.Label>
              {formatMessage({
                id: getTranslation('coverage.filters.locale'),
                defaultMessage: 'Locale',
              })}
            </Field.Label>
            <SingleSelect
              value={filters.locale ?? defaultLocale ?? undefined}
              // The default locale is stored as "no locale" so URLs stay short and follow a changed default.
              onChange={(code: string | number) =>
                onChange({
                  ...filters,
                  locale: String(code) === defaultLocale ? null : String(code),
                })
              }
            >
              {locales.map((locale) => (
                <SingleSelectOption key={locale.code} value={locale.code}>
                  {locale.name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Box>
      ) : null}

      <Box data-testid="coverage-filter-status" width="20rem" maxWidth="100%">
        <Field.Root name="status" id="journey-coverage-status">
          <Field.Label>
            {formatMessage({
              id: getTranslation('coverage.filters.status'),
              defaultMessage: 'Status',
            })}
          </Field.Label>
          <SingleSelect
            value={filters.status}
            onChange={(value: string | number) => {
              if (isStatus(value)) onChange({ ...filters, status: value });
            }}
          >
            {COVERAGE_STATUSES.map((status) => (
              <SingleSelectOption key={status} value={status}>
                {statusLabels[status]}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      </Box>

      <Box data-testid="coverage-filter-fresh" width="24rem" maxWidth="100%">
        <Field.Root
          name="fresh"
          id="journey-coverage-fresh"
          hint={
            staleAfterDays === undefined
              ? undefined
              : formatMessage(
                  {
                    id: getTranslation('coverage.filters.fresh.hint'),
                    defaultMessage: 'Only entries updated in the last {days} days',
                  },
                  { days: staleAfterDays }
                )
          }
        >
          <Field.Label>
            {formatMessage({
              id: getTranslation('coverage.filters.fresh'),
              defaultMessage: 'Fresh content only',
            })}
          </Field.Label>
          <Toggle
            checked={filters.fresh}
            onChange={(event: ChangeEvent<HTMLInputElement>) =>
              onChange({ ...filters, fresh: event.target.checked })
            }
            onLabel={formatMessage({
              id: getTranslation('coverage.filters.fresh.on'),
              defaultMessage: 'On',
            })}
            offLabel={formatMessage({
              id: getTranslation('coverage.filters.fresh.off'),
              defaultMessage: 'Off',
            })}
          />
          <Field.Hint />
        </Field.Root>
      </Box>
    </Flex>
  );
};
