import * as React from 'react';

import {
  Box,
  Button,
  EmptyStateLayout,
  Field,
  Flex,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextButton,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise, Download, Trash, WarningCircle } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router-dom';

import { EraseByEmailModal } from '../components/EraseByEmailModal';
import { JourneyViewTabs } from '../components/JourneyViewTabs';
import { SubmissionDetailModal } from '../components/SubmissionDetailModal';
import { useErrorMessage } from '../hooks/useErrorMessage';
import { useJourneyPermissions } from '../hooks/useJourneyPermissions';
import { useLocalizedStages } from '../hooks/useLocalizedStages';
import {
  useExportSubmissionsMutation,
  useGetSubmissionFilterOptionsQuery,
  useSubmissions,
} from '../services/submissions';
import { getTranslation } from '../utils/getTranslation';
import {
  DEFAULT_SUBMISSIONS_FILTERS,
  fromSubmissionsSearch,
  hasActiveSubmissionsFilters,
  previewValues,
  toSubmissionsQuery,
  toSubmissionsSearch,
} from '../utils/submissionsParams';

import type { ExportFormat } from '../services/performance';
import type { FilterOption } from '../services/submissions';
import type { SubmissionsFilters } from '../utils/submissionsParams';

/** Filters and the page live in the URL: the form edit view links here with `?form=`. */
const useSubmissionsFilters = () => {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const filters = React.useMemo(
    () => fromSubmissionsSearch(Object.fromEntries(new URLSearchParams(search))),
    [search]
  );
  const setFilters = React.useCallback(
    (next: SubmissionsFilters) =>
      setSearchParams(new URLSearchParams(toSubmissionsSearch(next)), { replace: true }),
    [setSearchParams]
  );
  return { filters, setFilters };
};

/** Known choices plus the ones seen on the page (or in the URL), so a filter always has its label. */
const withSeen = (options: FilterOption[], seen: FilterOption[]): FilterOption[] => {
  const byValue = new Map(options.map((option) => [option.value, option]));
  for (const option of seen) if (!byValue.has(option.value)) byValue.set(option.value, option);
  return [...byValue.values()];
};

interface SelectFilterProps {
  name: string;
  label: string;
  allLabel: string;
  value: string;
  options: FilterOption[];
  onChange: (value: string) => void;
}

const SelectFilter = ({ name, label, allLabel, value, options, onChange }: SelectFilterProps) => (
  <Box width="20rem" maxWidth="100%" data-testid={`submissions-filter-${name}`}>
    <Field.Root name={name} id={`journey-submissions-${name}`}>
      <Field.Label>{label}</Field.Label>
      <SingleSelect
        value={value}
        placeholder={allLabel}
        onChange={(next: string | number) => onChange(String(next))}
        onClear={() => onChange('')}
        clearLabel={allLabel}
      >
        {options.map((option) => (
          <SingleSelectOption key={option.value} value={option.value}>
            {option.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Field.Root>
  </Box>
);

/**
 * The Submissions view: what visitors sent through the plugin's forms, newest first, filtered by
 * form, stage, persona and days; a submission's detail; exports; delete and erase by email for
 * users with submissions.delete.
 */
export const SubmissionsPage = () => {
  const { formatMessage, formatDate } = useIntl();
  const { toggleNotification } = useNotification();
  const toMessage = useErrorMessage();
  const { filters, setFilters } = useSubmissionsFilters();
  const query = React.useMemo(() => toSubmissionsQuery(filters), [filters]);
  const list = useSubmissions(query);
  const options = useGetSubmissionFilterOptionsQuery();
  const { stages } = useLocalizedStages();
  const { canDeleteSubmissions: canDelete } = useJourneyPermissions();
  const [openId, setOpenId] = React.useState<string | null>(null);
  const [erasing, setErasing] = React.useState(false);
  const [exportSubmissions, exporting] = useExportSubmissionsMutation();

  const rows = list.data?.data ?? [];
  const pagination = list.data?.meta.pagination;
  const set = (key: keyof SubmissionsFilters) => (value: string) =>
    setFilters({ ...filters, [key]: value, page: 1 });
  const setDay = (key: 'from' | 'to') => (event: React.ChangeEvent<HTMLInputElement>) => {
    const value = event.target.value;
    // A half-typed date is not sent.
    if (value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value)) set(key)(value);
  };

  const formOptions = withSeen(
    options.data?.forms ?? [],
    rows.map((row) => ({ value: row.form.documentId, label: row.form.name ?? row.form.documentId }))
  );
  const personaOptions = withSeen(
    options.data?.personas ?? [],
    rows.flatMap((row) => (row.persona ? [{ value: row.persona, label: row.persona }] : []))
  );
  const stageOptions = stages.map((stage) => ({ value: stage.key, label: stage.label }));
  const stageLabel = (key: string | null) =>
    key === null ? '–' : (stages.find((stage) => stage.key === key)?.label ?? key);
  const personaLabel = (slug: string | null) =>
    slug === null ? '–' : (personaOptions.find((option) => option.value === slug)?.label ?? slug);
  const filtered = hasActiveSubmissionsFilters(filters);

  const exportAs = async (format: ExportFormat) => {
    const result = await exportSubmissions({ format, query });
    if ('error' in result) toggleNotification({ type: 'danger', message: toMessage(result.error) });
  };

  const title = formatMessage({
    id: getTranslation('submissions.title'),
    defaultMessage: 'Form submissions',
  });
  const column = (id: string, defaultMessage: string) => formatMessage({ id, defaultMessage });
  const headers = [
    column(getTranslation('submissions.column.date'), 'Date'),
    column(getTranslation('submissions.column.form'), 'Form'),
    column(getTranslation('submissions.column.stage'), 'Stage'),
    column(getTranslation('submissions.column.persona'), 'Persona'),
    column(getTranslation('submissions.column.values'), 'Values'),
  ];

  let body: React.ReactNode;
  if (list.isLoading) {
    body = (
      <Flex justifyContent="center" padding={11}>
        <Loader>
          {formatMessage({
            id: getTranslation('submissions.loading'),
            defaultMessage: 'Loading submissions...',
          })}
        </Loader>
      </Flex>
    );
  } else if (list.isError || !list.data) {
    body = (
      <Box data-testid="submissions-error">
        <EmptyStateLayout
          icon={<WarningCircle width="16rem" />}
          content={toMessage(list.error)}
          action={
            <Flex gap={2} wrap="wrap" justifyContent="center">
              <Button variant="secondary" startIcon={<ArrowClockwise />} onClick={list.refetch}>
                {formatMessage({
                  id: getTranslation('coverage.retry'),
                  defaultMessage: 'Try again',
                })}
              </Button>
              {filtered ? (
                <Button variant="tertiary" onClick={() => setFilters(DEFAULT_SUBMISSIONS_FILTERS)}>
                  {formatMessage({
                    id: getTranslation('coverage.filters.reset'),
                    defaultMessage: 'Reset filters',
                  })}
                </Button>
              ) : null}
            </Flex>
          }
        />
      </Box>
    );
  } else if (rows.length === 0) {
    body = (
      <Box data-testid="submissions-empty">
        <EmptyStateLayout
          content={
            filtered
              ? formatMessage({
                  id: getTranslation('submissions.empty.filtered'),
                  defaultMessage: 'No submissions match these filters.',
                })
              : formatMessage({
                  id: getTranslation('submissions.empty'),
                  defaultMessage:
                    'No submissions yet. Frontends send them to POST /api/journey/forms/:documentId/submissions.',
                })
          }
        />
      </Box>
    );
  } else {
    body = (
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Table
          colCount={headers.length + 1}
          rowCount={rows.length + 1}
          data-testid="submissions-table"
        >
          <Thead>
            <Tr>
              {headers.map((header) => (
                <Th key={header}>
                  <Typography variant="sigma">{header}</Typography>
                </Th>
              ))}
              <Th>
                <Typography variant="sigma">
                  {column(getTranslation('submissions.column.actions'), 'Actions')}
                </Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((row) => (
              <Tr key={row.id} data-testid={`submission-row-${row.id}`}>
                <Td>
                  <Typography>
                    {formatDate(row.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                  </Typography>
                </Td>
                <Td>
                  <Typography>{row.form.name ?? row.form.documentId}</Typography>
                </Td>
                <Td>
                  <Typography>{stageLabel(row.stage)}</Typography>
                </Td>
                <Td>
                  <Typography>{personaLabel(row.persona)}</Typography>
                </Td>
                <Td>
                  <Typography ellipsis>{previewValues(row.data)}</Typography>
                </Td>
                <Td>
                  <TextButton onClick={() => setOpenId(row.id)}>
                    {formatMessage({
                      id: getTranslation('submissions.open'),
                      defaultMessage: 'View',
                    })}
                  </TextButton>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
        {pagination ? (
          <Flex justifyContent="space-between" gap={4} wrap="wrap">
            <Typography textColor="neutral600" data-testid="submissions-pagination">
              {formatMessage(
                {
                  id: getTranslation('submissions.pagination'),
                  defaultMessage:
                    'Page {page} of {pageCount} ({total, plural, one {# submission} other {# submissions}})',
                },
                {
                  page: pagination.page,
                  pageCount: Math.max(pagination.pageCount, 1),
                  total: pagination.total,
                }
              )}
            </Typography>
            <Flex gap={2}>
              <Button
                variant="tertiary"
                disabled={pagination.page <= 1}
                onClick={() => setFilters({ ...filters, page: pagination.page - 1 })}
              >
                {formatMessage({
                  id: getTranslation('submissions.previous'),
                  defaultMessage: 'Previous',
                })}
              </Button>
              <Button
                variant="tertiary"
                disabled={pagination.page >= pagination.pageCount}
                onClick={() => setFilters({ ...filters, page: pagination.page + 1 })}
              >
                {formatMessage({ id: getTranslation('submissions.next'), defaultMessage: 'Next' })}
              </Button>
            </Flex>
          </Flex>
        ) : null}
      </Flex>
    );
  }

  const exportingFormat = exporting.isLoading ? (exporting.originalArgs?.format ?? null) : null;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({
          id: getTranslation('submissions.subtitle'),
          defaultMessage: 'What visitors sent through your forms, newest first.',
        })}
        primaryAction={
          <Flex gap={2} wrap="wrap">
            <Button
              startIcon={<Download />}
              onClick={() => exportAs('csv')}
              loading={exportingFormat === 'csv'}
              disabled={list.isError || exportingFormat !== null}
            >
              {formatMessage({
                id: getTranslation('coverage.export'),
                defaultMessage: 'Export CSV',
              })}
            </Button>
            <Button
              variant="secondary"
              startIcon={<Download />}
              onClick={() => exportAs('json')}
              loading={exportingFormat === 'json'}
              disabled={list.isError || exportingFormat !== null}
            >
              {formatMessage({
                id: getTranslation('performance.export.json'),
                defaultMessage: 'Export JSON',
              })}
            </Button>
            {canDelete ? (
              <Button variant="danger-light" startIcon={<Trash />} onClick={() => setErasing(true)}>
                {formatMessage({
                  id: getTranslation('submissions.erase.title'),
                  defaultMessage: 'Erase by email',
                })}
              </Button>
            ) : null}
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6} data-testid="submissions-page">
          <JourneyViewTabs />
          <Flex gap={4} wrap="wrap" alignItems="flex-start" data-testid="submissions-filters">
            <SelectFilter
              name="form"
              label={column(getTranslation('submissions.column.form'), 'Form')}
              allLabel={formatMessage({
                id: getTranslation('submissions.filters.form.all'),
                defaultMessage: 'All forms',
              })}
              value={filters.form}
              options={withSeen(
                formOptions,
                filters.form ? [{ value: filters.form, label: filters.form }] : []
              )}
              onChange={set('form')}
            />
            <SelectFilter
              name="stage"
              label={column(getTranslation('submissions.column.stage'), 'Stage')}
              allLabel={formatMessage({
                id: getTranslation('submissions.filters.stage.all'),
                defaultMessage: 'All stages',
              })}
              value={filters.stage}
              options={stageOptions}
              onChange={set('stage')}
            />
            <SelectFilter
              name="persona"
              label={column(getTranslation('submissions.column.persona'), 'Persona')}
              allLabel={formatMessage({
                id: getTranslation('submissions.filters.persona.all'),
                defaultMessage: 'All personas',
              })}
              value={filters.persona}
              options={withSeen(
                personaOptions,
                filters.persona ? [{ value: filters.persona, label: filters.persona }] : []
              )}
              onChange={set('persona')}
            />
            <Box width="16rem" maxWidth="100%" data-testid="submissions-filter-from">
              <Field.Root name="from" id="journey-submissions-from">
                <Field.Label>
                  {formatMessage({
                    id: getTranslation('performance.filters.from'),
                    defaultMessage: 'From',
                  })}
                </Field.Label>
                <TextInput
                  type="date"
                  value={filters.from}
                  max={filters.to || undefined}
                  onChange={setDay('from')}
                />
              </Field.Root>
            </Box>
            <Box width="16rem" maxWidth="100%" data-testid="submissions-filter-to">
              <Field.Root name="to" id="journey-submissions-to">
                <Field.Label>
                  {formatMessage({
                    id: getTranslation('performance.filters.to'),
                    defaultMessage: 'To',
                  })}
                </Field.Label>
                <TextInput
                  type="date"
                  value={filters.to}
                  min={filters.from || undefined}
                  onChange={setDay('to')}
                />
              </Field.Root>
            </Box>
          </Flex>
          {body}
        </Flex>
      </Layouts.Content>
      <SubmissionDetailModal id={openId} canDelete={canDelete} onClose={() => setOpenId(null)} />
      {erasing ? <EraseByEmailModal onClose={() => setErasing(false)} /> : null}
    </Page.Main>
  );
};
