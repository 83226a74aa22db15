import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { getTranslation } from '../utils/getTranslation';

import type { EditorStage } from '../services/editor';

const Section = ({
  title,
  children,
  testId,
}: {
  title: string;
  children: React.ReactNode;
  testId: string;
}) => (
  <Flex direction="column" alignItems="stretch" gap={1} data-testid={testId}>
    <Typography variant="sigma" textColor="neutral600">
      {title}
    </Typography>
    {children}
  </Flex>
);

const Chips = ({ items }: { items: string[] }) => (
  <Flex tag="ul" wrap="wrap" gap={1}>
    {items.map((item) => (
      <li key={item}>
        <Badge size="S">{item}</Badge>
      </li>
    ))}
  </Flex>
);

/** `da` -> "dansk" in a Danish admin; the code itself where the browser cannot name it. */
const languageName = (code: string, interfaceLocale: string) => {
  try {
    return new Intl.DisplayNames([interfaceLocale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};

interface StageGuidanceProps {
  /** The stage with its guidance in the language the entry is written in. */
  stage: EditorStage;
  /** The stage's label in the interface language, for the heading. */
  title: string;
  /** The entry's locale when the guidance is in it rather than in the interface language. */
  locale: string | null;
}

/** What content at the chosen stage should do: questions to answer, keywords to use, touchpoints. */
export const StageGuidance = ({ stage, title, locale }: StageGuidanceProps) => {
  const { formatMessage, locale: interfaceLocale } = useIntl();
  const hasGuidance = stage.questions.length + stage.keywords.length + stage.touchpoints.length > 0;

  return (
    <Box
      data-testid="journey-guidance"
      data-stage={stage.key}
      data-locale={locale ?? undefined}
      width="100%"
      padding={3}
      background="neutral100"
      hasRadius
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="pi" fontWeight="bold" textColor="neutral800">
          {formatMessage(
            { id: getTranslation('editor.guidance.title'), defaultMessage: 'Writing for {stage}' },
            { stage: title }
          )}
        </Typography>
        {locale ? (
          <Typography variant="pi" textColor="neutral600" data-testid="journey-guidance-locale">
            {formatMessage(
              {
                id: getTranslation('editor.guidance.locale'),
                defaultMessage: 'Guidance in the language of this entry: {language}',
              },
              { language: languageName(locale, interfaceLocale) }
            )}
          </Typography>
        ) : null}
        {stage.questions.length > 0 ? (
          <Section
            testId="journey-guidance-questions"
            title={formatMessage({
              id: getTranslation('editor.guidance.questions'),
              defaultMessage: 'Questions to answer',
            })}
          >
            <Flex
              tag="ul"
              direction="column"
              alignItems="stretch"
              gap={1}
              paddingLeft={4}
              style={{ listStyle: 'disc' }}
            >
              {stage.questions.map((question) => (
                <Typography tag="li" key={question} variant="pi" textColor="neutral800">
                  {question}
                </Typography>
              ))}
            </Flex>
          </Section>
        ) : null}
        {stage.keywords.length > 0 ? (
          <Section
            testId="journey-guidance-keywords"
            title={formatMessage({
              id: getTranslation('editor.guidance.keywords'),
              defaultMessage: 'Keywords',
            })}
          >
            <Chips items={stage.keywords} />
          </Section>
        ) : null}
        {stage.touchpoints.length > 0 ? (
          <Section
            testId="journey-guidance-touchpoints"
            title={formatMessage({
              id: getTranslation('editor.guidance.touchpoints'),
              defaultMessage: 'Touchpoints',
            })}
          >
            <Chips items={stage.touchpoints} />
          </Section>
        ) : null}
        {hasGuidance ? null : (
          <Typography variant="pi" textColor="neutral600">
            {formatMessage({
              id: getTranslation('editor.guidance.none'),
              defaultMessage: 'No guidance is configured for this stage.',
            })}
          </Typography>
        )}
      </Flex>
    </Box>
  );
};
