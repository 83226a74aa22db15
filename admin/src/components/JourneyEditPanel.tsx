import * as React from 'react';

import { Box, Flex, Typography } from '@strapi/design-system';
import { useForm, useQueryParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { BUILT_IN_TYPES, STAGE_ATTRIBUTE } from '../../../shared/constants';
import { useEntryPersonas } from '../hooks/useEntryPersonas';
import { useJourneyPermissions } from '../hooks/useJourneyPermissions';
import { useLocalizedStages } from '../hooks/useLocalizedStages';
import { getTranslation } from '../utils/getTranslation';
import { isTaggedType, resolveStoredStage } from '../utils/stageModel';
import { EntryCoverage } from './EntryCoverage';
import { EntryPerformance } from './EntryPerformance';
import { FormSubmissionsCount } from './FormSubmissionsCount';
import { StageGuidance } from './StageGuidance';
import { StagePicker } from './StagePicker';

import type { EditorStage } from '../services/editor';
import type { SelectedPersona } from '../utils/entryPersonas';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';

interface LocaleQuery {
  plugins?: { i18n?: { locale?: string } };
}

const PersonaList = ({ personas }: { personas: SelectedPersona[] }) => {
  const { formatMessage } = useIntl();
  return (
    <Flex
      direction="column"
      alignItems="stretch"
      gap={1}
      width="100%"
      data-testid="journey-personas"
    >
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({ id: getTranslation('editor.personas.title'), defaultMessage: 'Personas' })}
      </Typography>
      <Typography variant="pi" textColor={personas.length > 0 ? 'neutral800' : 'neutral600'}>
        {personas.length > 0
          ? personas.map((persona) => persona.name).join(', ')
          : formatMessage({
              id: getTranslation('editor.personas.none'),
              defaultMessage: 'None yet: choose who this is for in the Personas field.',
            })}
      </Typography>
    </Flex>
  );
};

/** True when the entry's locale gives the same guidance as the interface language. */
const sameGuidance = (a: EditorStage, b: EditorStage) =>
  JSON.stringify([a.questions, a.keywords, a.touchpoints]) ===
  JSON.stringify([b.questions, b.keywords, b.touchpoints]);

interface JourneyPanelContentProps {
  /** In the interface language: the editor's own labels to choose by. */
  stages: EditorStage[];
  /** In the entry's locale: what to write (questions, keywords, touchpoints) in its language. */
  guidanceStages: EditorStage[];
  uid: string;
  /** The tagged type's name (`blog-post`): what the performance API takes. */
  typeName: string | null;
  documentId?: string;
  locale: string | null;
  status: 'draft' | 'published' | null;
}

const JourneyPanelContent = ({
  stages,
  guidanceStages,
  uid,
  typeName,
  documentId,
  locale,
  status,
}: JourneyPanelContentProps) => {
  const { formatMessage } = useIntl();
  // The edit view's own form: a choice here is an unsaved change like any field's, saved by Save.
  const value = useForm(
    'JourneyPanel',
    (state) => (state.values as Record<string, unknown>)[STAGE_ATTRIBUTE]
  );
  const onChange = useForm('JourneyPanel', (state) => state.onChange);
  const disabled = useForm('JourneyPanel', (state) => state.disabled);
  const { personas, isLoading: isLoadingPersonas } = useEntryPersonas({
    uid,
    documentId,
    locale,
    status,
  });
  // Personas the editor may not read count as none: the line then shows the stage total.
  const personaIds = React.useMemo(
    () => (isLoadingPersonas ? null : (personas?.map((persona) => persona.documentId) ?? [])),
    [isLoadingPersonas, personas]
  );
  const { canReadCoverage, canReadPerformance, canReadSubmissions } = useJourneyPermissions();

  const stored = resolveStoredStage(stages, value);
  const guidance =
    stored.kind === 'configured' ? resolveStoredStage(guidanceStages, value) : stored;
  const handleChange = React.useCallback(
    (key: string | null) => onChange(STAGE_ATTRIBUTE, key),
    [onChange]
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%" data-testid="journey-panel">
      {stored.kind === 'unknown' ? (
        <Box
          padding={3}
          hasRadius
          background="warning100"
          borderColor="warning200"
          borderStyle="solid"
          borderWidth="1px"
          data-testid="journey-unknown-stage"
          role="status"
        >
          <Typography variant="pi" textColor="warning700">
            {formatMessage(
              {
                id: getTranslation('editor.stage.unknown'),
                defaultMessage: 'Stored stage "{stage}" is no longer configured; choose a stage.',
              },
              { stage: stored.key }
            )}
          </Typography>
        </Box>
      ) : null}
      {stages.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({
            id: getTranslation('editor.stage.noStages'),
            defaultMessage: 'No stages are configured.',
          })}
        </Typography>
      ) : (
        <StagePicker
          stages={stages}
          value={stored.kind === 'configured' ? stored.stage.key : null}
          disabled={disabled}
          onChange={handleChange}
        />
      )}
      {guidance.kind === 'configured' && stored.kind === 'configured' ? (
        <StageGuidance
          stage={guidance.stage}
          title={stored.stage.label}
          locale={sameGuidance(guidance.stage, stored.stage) ? null : locale}
        />
      ) : null}
      {personas !== null ? <PersonaList personas={personas} /> : null}
      {stored.kind === 'configured' && canReadCoverage ? (
        <EntryCoverage stage={stored.stage.key} personaDocumentIds={personaIds} locale={locale} />
      ) : null}
      {/* An entry being created has no numbers yet: nothing could have been recorded for it. */}
      {canReadPerformance && documentId && typeName ? (
        <EntryPerformance type={typeName} documentId={documentId} locale={locale} />
      ) : null}
      {uid === BUILT_IN_TYPES.form && canReadSubmissions && documentId ? (
        <FormSubmissionsCount documentId={documentId} />
      ) : null}
    </Flex>
  );
};

/**
 * The edit view side panel "Journey" (content-manager `addEditViewSidePanel`): stage cards with
 * guidance, the entry's personas, its coverage and its numbers (a form's: its submissions too). Only on tagged types; null hides it elsewhere.
 */
export const JourneyPanel: PanelComponent = ({ model, document, documentId, activeTab }) => {
  const { formatMessage } = useIntl();
  // A new entry has no document yet: its locale is the one the create link carries.
  const [{ query }] = useQueryParams<LocaleQuery>();
  const documentLocale = typeof document?.locale === 'string' ? document.locale : null;
  const locale = documentLocale ?? query.plugins?.i18n?.locale ?? null;
  const { config, stages } = useLocalizedStages();
  // The guidance in the entry's language: a Danish post needs Danish search keywords.
  const { stages: guidanceStages } = useLocalizedStages(locale);

  if (!config || !isTaggedType(config, model)) return null;

  return {
    title: formatMessage({ id: getTranslation('editor.panel.title'), defaultMessage: 'Journey' }),
    content: (
      <JourneyPanelContent
        stages={stages}
        guidanceStages={guidanceStages}
        uid={model}
        typeName={config.types.find((type) => type.uid === model)?.name ?? null}
        documentId={documentId}
        locale={locale}
        status={activeTab}
      />
    ),
  };
};
