import {
  Box,
  Field,
  Flex,
  MultiSelect,
  MultiSelectOption,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  TextInput,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { usePerformanceFormat } from '../hooks/usePerformanceFormat';
import { getTranslation } from '../utils/getTranslation';
import { RANGE_PRESETS, isDay } from '../utils/performanceParams';

import type { LocaleOption } from '../services/i18n';
import type { PerformanceFilters, RangePreset } from '../utils/performanceParams';
import type { CoveragePersona, TaggedTypeInfo } from '../../../shared/contracts';
import type { ChangeEvent } from 'react';

const CUSTOM = 'custom';

interface PerformanceFiltersBarProps {
  filters: PerformanceFilters;
  onChange: (next: PerformanceFilters) => void;
  /** Undefined while loading: the type picker waits. */
  types: readonly TaggedTypeInfo[] | undefined;
  /** Undefined while loading or without i18n: no locale picker. */
  locales: readonly LocaleOption[] | undefined;
  personas: readonly CoveragePersona[] | undefined;
  /** The days the last answer counted: where a switch to a custom range starts. */
  period: { from: string; to: string } | undefined;
  /** The server's minimum views, shown until one is chosen. */
  defaultMinViews: number | undefined;
}

/** Period, content type, locale, persona and minimum views. Wraps onto several lines when narrow. */
export const PerformanceFiltersBar = ({
  filters,
  onChange,
  types,
  locales,
  personas,
  period,
  defaultMinViews,
}: PerformanceFiltersBarProps) => {
  const { formatMessage } = useIntl();
  const format = usePerformanceFormat();
  const { range } = filters;
  const defaultLocale = locales?.find((locale) => locale.isDefault)?.code ?? null;
  const personaOptions = personas ?? [];

  const setRange = (value: string | number) => {
    if (String(value) === CUSTOM) {
      onChange({
        ...filters,
        range: { kind: 'custom', from: period?.from ?? null, to: period?.to ?? null },
      });
      return;
    }
    const days = Number(value) as RangePreset;
    if (RANGE_PRESETS.includes(days)) onChange({ ...filters, range: { kind: 'last', days } });
  };

  const setDay = (end: 'from' | 'to') => (event: ChangeEvent<HTMLInputElement>) => {
    if (range.kind !== 'custom') return;
    const value = event.target.value;
    // A half-typed date is not sent; clearing the field leaves that end to the server's default.
    if (value !== '' && !isDay(value)) return;
    onChange({ ...filters, range: { ...range, [end]: value || null } });
  };

  return (
    <Flex gap={4} wrap="wrap" alignItems="flex-start" data-testid="performance-filters">
      <Box data-testid="performance-filter-period" width="20rem" maxWidth="100%">
        <Field.Root
          name="period"
          id="journey-performance-period"
          hint={
            period
              ? formatMessage(
                  {
                    id: getTranslation('performance.filters.period.hint'),
                    defaultMessage: '{from} to {to} (UTC)',
                  },
                  { from: format.day(period.from), to: format.day(period.to) }
                )
              : undefined
          }
        >
          <Field.Label>
            {formatMessage({
              id: getTranslation('performance.filters.period'),
              defaultMessage: 'Period',
            })}
          </Field.Label>
          <SingleSelect
            value={range.kind === 'last' ? String(range.days) : CUSTOM}
            onChange={setRange}
          >
            {RANGE_PRESETS.map((days) => (
              <SingleSelectOption key={days} value={String(days)}>
                {formatMessage(
                  {
                    id: getTranslation('performance.filters.period.last'),
                    defaultMessage: 'Last {days} days',
                  },
                  { days }
                )}
              </SingleSelectOption>
            ))}
            <SingleSelectOption value={CUSTOM}>
              {formatMessage({
                id: getTranslation('performance.filters.period.custom'),
                defaultMessage: 'Custom range',
              })}
            </SingleSelectOption>
          </SingleSelect>
          <Field.Hint />
        </Field.Root>
      </Box>

      {range.kind === 'custom' ? (
        <>
          <Box data-testid="performance-filter-from" width="16rem" maxWidth="100%">
            <Field.Root name="from" id="journey-performance-from">
              <Field.Label>
                {formatMessage({
                  id: getTranslation('performance.filters.from'),
                  defaultMessage: 'From',
                })}
              </Field.Label>
              <TextInput
                type="date"
                value={range.from ?? ''}
                max={range.to ?? undefined}
                onChange={setDay('from')}
              />
            </Field.Root>
          </Box>
          <Box data-testid="performance-filter-to" width="16rem" maxWidth="100%">
            <Field.Root name="to" id="journey-performance-to">
              <Field.Label>
                {formatMessage({
                  id: getTranslation('performance.filters.to'),
                  defaultMessage: 'To',
                })}
              </Field.Label>
              <TextInput
                type="date"
                value={range.to ?? ''}
                min={range.from ?? undefined}
                onChange={setDay('to')}
              />
            </Field.Root>
          </Box>
        </>
      ) : null}

      <Box data-testid="performance-filter-type" width="24rem" maxWidth="100%">
        <Field.Root name="type" id="journey-performance-type">
          <Field.Label>
            {formatMessage({
              id: getTranslation('coverage.filters.types'),
              defaultMessage: 'Content types',
            })}
          </Field.Label>
          <MultiSelect
            disabled={types === undefined}
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
                .map((name) => types?.find((type) => type.name === name)?.displayName ?? name)
                .join(', ')
            }
          >
            {(types ?? []).map((type) => (
              <MultiSelectOption key={type.name} value={type.name}>
                {type.displayName}
              </MultiSelectOption>
            ))}
          </MultiSelect>
        </Field.Root>
      </Box>

      {/* Without i18n (or with a single locale) there is nothing to choose. */}
      {locales && locales.length > 1 ? (
        <Box data-testid="performance-filter-locale" width="20rem" maxWidth="100%">
          <Field.Root name="locale" id="journey-performance-locale">
            <Field.Label>
              {formatMessage({
                id: getTranslation('coverage.filters.locale'),
                defaultMessage: 'Locale',
              })}
            </Field.Label>
            <SingleSelect
              value={filters.locale ?? defaultLocale ?? undefined}
              // The default locale is stored as "no locale": short URLs that follow a changed default.
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

      <Box data-testid="performance-filter-persona" width="24rem" maxWidth="100%">
        <Field.Root name="persona" id="journey-performance-persona">
          <Field.Label>
            {formatMessage({
              id: getTranslation('performance.filters.personas'),
              defaultMessage: 'Personas',
            })}
          </Field.Label>
          <MultiSelect
            disabled={personas === undefined}
            placeholder={formatMessage({
              id: getTranslation('performance.filters.personas.all'),
              defaultMessage: 'All personas',
            })}
            value={filters.personas}
            onChange={(next: string[]) => onChange({ ...filters, personas: next })}
            onClear={() => onChange({ ...filters, personas: [] })}
            clearLabel={formatMessage({
              id: getTranslation('performance.filters.personas.clear'),
              defaultMessage: 'Show all personas',
            })}
            customizeContent={(value?: string[]) =>
              (value ?? [])
                .map(
                  (slug) => personaOptions.find((persona) => persona.slug === slug)?.name ?? slug
                )
                .join(', ')
            }
          >
            {personaOptions.map((persona) => (
              <MultiSelectOption key={persona.slug} value={persona.slug}>
                {persona.name}
              </MultiSelectOption>
            ))}
          </MultiSelect>
        </Field.Root>
      </Box>

      <Box data-testid="performance-filter-min-views" width="16rem" maxWidth="100%">
        <Field.Root
          name="minViews"
          id="journey-performance-min-views"
          hint={formatMessage({
            id: getTranslation('performance.filters.minViews.hint'),
            defaultMessage: 'Before a rate is compared',
          })}
        >
          <Field.Label>
            {formatMessage({
              id: getTranslation('performance.filters.minViews'),
              defaultMessage: 'Minimum views',
            })}
          </Field.Label>
          <NumberInput
            value={filters.minViews ?? undefined}
            placeholder={defaultMinViews === undefined ? undefined : String(defaultMinViews)}
            step={1}
            onValueChange={(value: number | undefined) =>
              onChange({
                ...filters,
                minViews:
                  value === undefined || !Number.isInteger(value) || value < 0 ? null : value,
              })
            }
          />
          <Field.Hint />
        </Field.Root>
      </Box>
    </Flex>
  );
};
