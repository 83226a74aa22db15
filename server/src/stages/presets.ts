/**
 * Built-in customer-journey stage presets.
 *
 * The presets are distilled from the seed articles shipped with the project brief
 * (Danish, Norwegian and Swedish texts about "kunderejsen" / "kundereisen" /
 * "kundresan"):
 *
 * - `default` follows the five steps the Danish article describes: research
 *   (awareness), consideration, purchase (decision), use (retention) and
 *   advocacy.
 * - `see-think-do-care` follows the four-stage model of the Norwegian article:
 *   bevissthet (awareness), vurdering (consideration), beslutning (decision)
 *   and glede (delight), each with the touchpoints that article lists.
 * - `five-step` follows the Swedish article's phases: medvetenhet (awareness),
 *   forskning (research), övervägande (consideration), beslut (decision) and
 *   efterköp (post-purchase).
 *
 * Questions, keywords and touchpoints are taken from what the articles say
 * buyers ask, search for and meet at each stage. Each preset ships in English
 * (below) and in Danish, Norwegian and Swedish (preset-translations.ts): every
 * text is a map by locale code.
 */
import { LOCALIZED_STAGE_FIELDS } from '../../../shared/stage-locales';
import {
  DEFAULT_PRESET_TRANSLATIONS,
  FIVE_STEP_TRANSLATIONS,
  PRESET_LOCALES,
  SEE_THINK_DO_CARE_TRANSLATIONS,
  type PresetTranslations,
} from './preset-translations';
import type { StageDefinition, StageText } from './types';

export type StagePresetName = 'default' | 'see-think-do-care' | 'five-step';

/** Default coverage threshold for every preset stage. */
const MINIMUM = 3;

type EnglishStage = StageText & { key: string; minimum: number };

const ENGLISH_PRESETS: Record<StagePresetName, EnglishStage[]> = {
  default: [
    {
      key: 'awareness',
      label: 'Awareness',
      description:
        'The buyer has noticed a need or problem and starts learning what products and services exist, often via ads, recommendations from friends and family or social media. Content should name their challenge and help them understand it, not sell.',
      questions: [
        'What is causing this problem, and is it common?',
        'What solutions exist for businesses like mine?',
        'What are the latest trends in my industry?',
        'What do friends, colleagues and other customers say about this?',
      ],
      keywords: ['what is', 'how to', 'why does', 'trends', 'tips', 'guide', 'examples'],
      touchpoints: [
        'Social media',
        'Search',
        'Blog',
        'Online ads',
        'Word of mouth',
        'PR and print',
      ],
      minimum: MINIMUM,
    },
    {
      key: 'consideration',
      label: 'Consideration',
      description:
        'The buyer has defined the problem and compares options, weighing pros and cons of different choices. Content should offer guides, case studies and honest comparisons that show how your solution overcomes their challenge.',
      questions: [
        'Which options do I have, and how do they compare?',
        'What are the pros and cons of each choice?',
        'Has this worked for companies like mine?',
        'Which platform or provider is best suited to my needs?',
      ],
      keywords: [
        'best',
        'vs',
        'comparison',
        'alternatives',
        'reviews',
        'case study',
        'testimonials',
      ],
      touchpoints: [
        'Search',
        'Landing page',
        'Blog',
        'Reviews',
        'Premium content',
        'Third-party sites',
      ],
      minimum: MINIMUM,
    },
    {
      key: 'decision',
      label: 'Decision',
      description:
        'The buyer has chosen what to buy and needs a smooth, short path to purchase: confirming the order, paying and receiving the product. Content should present your solution as the right fit and remove every obstacle on the way to buying.',
      questions: [
        'What does it cost, and which payment options are there?',
        'How quickly can I get started or receive my order?',
        'Can I talk to someone before I commit?',
        'What happens if it does not work for me?',
      ],
      keywords: ['pricing', 'buy', 'book a demo', 'free trial', 'quote', 'discount', 'delivery'],
      touchpoints: ['Website', 'Store', 'Customer centre', 'Forms', 'Calls to action'],
      minimum: MINIMUM,
    },
    {
      key: 'retention',
      label: 'Retention',
      description:
        'The customer uses what they bought and may run into problems or questions about using it. Content should help them succeed through fast customer service, instructions and follow-up, so they stay satisfied and come back for more.',
      questions: [
        'How do I set this up and get the most out of it?',
        'Who can help me when something goes wrong?',
        'What is new, and what else could be useful to me?',
        'Is it worth buying from them again?',
      ],
      keywords: ['how to use', 'setup', 'support', 'help', 'manual', 'troubleshooting', 'login'],
      touchpoints: [
        'Customer service',
        'Newsletter',
        'Email',
        'Instruction manuals',
        'Self-service',
        'Chat',
      ],
      minimum: MINIMUM,
    },
    {
      key: 'advocacy',
      label: 'Advocacy',
      description:
        'Satisfied customers spread the word about their experience, writing reviews online or sharing on social media, which shapes the journey of future buyers. Content should make it easy and rewarding to recommend you.',
      questions: [
        'How can I share my experience with others?',
        'Is there a reward for recommending them?',
        'Where can I leave a review?',
      ],
      keywords: ['review', 'referral', 'recommend', 'share', 'testimonial', 'ambassador'],
      touchpoints: ['Reviews', 'Social media', 'Word of mouth', 'Email', 'Referral programme'],
      minimum: MINIMUM,
    },
  ],

  'see-think-do-care': [
    {
      key: 'awareness',
      label: 'Awareness',
      description:
        'Buyers realise they have a problem, like a restaurant owner losing market share to an outdated website. Attract them with content that identifies their challenges, in the channels where they already are.',
      questions: [
        'What digital solutions exist for businesses like mine?',
        'What is digitalisation, and why does it matter?',
        'What are the latest trends in my industry?',
        'Why am I losing customers to competitors?',
      ],
      keywords: ['what is', 'trends', 'digital solutions for', 'why', 'how to', 'problems with'],
      touchpoints: [
        'Social media',
        'Search',
        'Blog',
        'Landing page',
        'Online ads',
        'Word of mouth',
      ],
      minimum: MINIMUM,
    },
    {
      key: 'consideration',
      label: 'Consideration',
      description:
        'Buyers define their problem and research options to solve it. Give them guides and solutions for overcoming their challenges, with calls to action and forms that take them further.',
      questions: [
        'How can I modernise my business with digital solutions?',
        'Which platform is best suited to my needs?',
        'What do I need to get started, and what will it take?',
        'How have others solved this problem?',
      ],
      keywords: [
        'best platform for',
        'how to choose',
        'comparison',
        'guide',
        'case study',
        'checklist',
      ],
      touchpoints: [
        'Search',
        'Landing page',
        'Blog',
        'Calls to action',
        'Forms',
        'Premium content',
      ],
      minimum: MINIMUM,
    },
    {
      key: 'decision',
      label: 'Decision',
      description:
        'Buyers choose a solution to their problem. Now is the time to market your solution as the right fit, across the website, apps, store and customer centre.',
      questions: [
        'Why is this solution the right fit for me?',
        'What does it cost, and what is included?',
        'Can I book a meeting or a demo?',
        'How fast can we be up and running?',
      ],
      keywords: ['pricing', 'book a meeting', 'demo', 'buy', 'order', 'free trial'],
      touchpoints: ['Website', 'Store', 'Customer centre', 'Apps', 'Calls to action'],
      minimum: MINIMUM,
    },
    {
      key: 'delight',
      label: 'Delight',
      description:
        'Buyers are satisfied, get ongoing service and become loyal ambassadors for your brand. Use behavioural insight to send helpful content, and make self-service simply work.',
      questions: [
        'How do I solve this myself, right now?',
        'What can help me with my next challenge?',
        'Are there offers or news for existing customers?',
        'How do I recommend this to others?',
      ],
      keywords: ['help', 'support', 'how to', 'newsletter', 'coupon', 'login', 'review'],
      touchpoints: ['Newsletter', 'Email', 'Chat', 'Self-service', 'Customer centre', 'Coupons'],
      minimum: MINIMUM,
    },
  ],

  'five-step': [
    {
      key: 'awareness',
      label: 'Awareness',
      description:
        'The customer becomes aware of a brand or product through marketing channels or recommendations. Content should build awareness with relevant, helpful messages at the right time and place.',
      questions: [
        'Is there a better way to do this?',
        'Who offers products or services for this need?',
        'What are people around me recommending?',
      ],
      keywords: ['what is', 'how to', 'ideas', 'tips', 'trends', 'inspiration'],
      touchpoints: ['Ads', 'Social media', 'Recommendations', 'Search', 'Blog'],
      minimum: MINIMUM,
    },
    {
      key: 'research',
      label: 'Research',
      description:
        'The customer starts searching for information and comparing alternatives before deciding. Content should deliver relevant, valuable information that builds trust.',
      questions: [
        'What alternatives are there?',
        'What do reviews and other customers say?',
        'What features and benefits matter most?',
        'Where can I read more before I decide?',
      ],
      keywords: ['reviews', 'features', 'alternatives', 'guide', 'how does it work', 'explained'],
      touchpoints: ['Website', 'Search', 'Reviews', 'Blog', 'Newsletter'],
      minimum: MINIMUM,
    },
    {
      key: 'consideration',
      label: 'Consideration',
      description:
        'The customer evaluates the options and narrows the choice down to a couple. Content should make the differences clear with comparisons, case studies and testimonials.',
      questions: [
        'Which of my shortlisted options is the best fit?',
        'What are the pros and cons of each?',
        'Has this worked for businesses like mine?',
      ],
      keywords: ['vs', 'comparison', 'best', 'case study', 'testimonials', 'pricing comparison'],
      touchpoints: ['Landing page', 'Case studies', 'Third-party sites', 'Sales meetings', 'Forms'],
      minimum: MINIMUM,
    },
    {
      key: 'decision',
      label: 'Decision',
      description:
        'The customer makes the final decision to buy. Content should simplify the purchase process and make buying easy and convenient.',
      questions: [
        'What does it cost, and how do I pay?',
        'How do I place the order?',
        'When will I receive it, and can I track it?',
      ],
      keywords: ['buy', 'price', 'order', 'discount', 'delivery', 'quote'],
      touchpoints: ['Webshop', 'Store', 'Customer service', 'Checkout', 'Email confirmation'],
      minimum: MINIMUM,
    },
    {
      key: 'post-purchase',
      label: 'Post-purchase',
      description:
        'The experience after the purchase decides long-term relationships and loyalty. Follow up after the purchase to encourage repeat purchases, measure satisfaction and create loyal customers.',
      questions: [
        'How do I get started with what I bought?',
        'Who can help if I have problems?',
        'Is it worth buying again or recommending?',
        'How do I give feedback?',
      ],
      keywords: ['how to use', 'support', 'returns', 'warranty', 'feedback', 'loyalty'],
      touchpoints: [
        'Customer service',
        'Email',
        'Newsletter',
        'Surveys',
        'Reviews',
        'Social media',
      ],
      minimum: MINIMUM,
    },
  ],
};

const TRANSLATIONS: Record<StagePresetName, PresetTranslations> = {
  default: DEFAULT_PRESET_TRANSLATIONS,
  'see-think-do-care': SEE_THINK_DO_CARE_TRANSLATIONS,
  'five-step': FIVE_STEP_TRANSLATIONS,
};

/** One preset stage with each text as a map: English plus every preset locale. */
const withTranslations = (stage: EnglishStage, translations: PresetTranslations) => {
  const translated = translations[stage.key];
  const localized = Object.fromEntries(
    LOCALIZED_STAGE_FIELDS.map((field) => [
      field,
      Object.fromEntries([
        ['en', stage[field]],
        ...PRESET_LOCALES.map((locale) => [locale, translated[locale][field]]),
      ]),
    ])
  ) as Pick<StageDefinition, (typeof LOCALIZED_STAGE_FIELDS)[number]>;
  return { ...stage, ...localized };
};

export const STAGE_PRESETS: Record<StagePresetName, StageDefinition[]> = {
  default: ENGLISH_PRESETS.default.map((stage) => withTranslations(stage, TRANSLATIONS.default)),
  'see-think-do-care': ENGLISH_PRESETS['see-think-do-care'].map((stage) =>
    withTranslations(stage, TRANSLATIONS['see-think-do-care'])
  ),
  'five-step': ENGLISH_PRESETS['five-step'].map((stage) =>
    withTranslations(stage, TRANSLATIONS['five-step'])
  ),
};

export const DEFAULT_PRESET: StagePresetName = 'default';
