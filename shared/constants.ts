/*
 * Names the server, the admin and frontends all need, defined once. Plain values only: the admin
 * bundle imports this file, so nothing here may pull in server code.
 */

/** The plugin's id: `plugin::journey.*` UIDs, `/api/journey` routes, `/journey` admin routes, the admin route `plugins/journey`, the `config/plugins.ts` key. */
export const PLUGIN_ID = 'journey' as const;

/** Attribute names the plugin injects into every tagged content type (the Content Manager filters on them). */
export const STAGE_ATTRIBUTE = 'journeyStage' as const;
export const PERSONAS_ATTRIBUTE = 'personas' as const;

/** The persona content type. */
export const PERSONA_UID = 'plugin::journey.persona' as const;

/**
 * The content kinds the plugin ships, keyed by the name the API's `type` parameter and the coverage
 * panel use for them.
 */
export const BUILT_IN_TYPES = {
  'blog-post': 'plugin::journey.blog-post',
  'landing-page': 'plugin::journey.landing-page',
  cta: 'plugin::journey.cta',
  form: 'plugin::journey.form',
} as const;

export type BuiltInTypeName = keyof typeof BUILT_IN_TYPES;

/**
 * The custom field editing a form's `fields` (stored as JSON): registered on the server and in the
 * admin under this name, referenced by the form schema as `plugin::journey.form-fields`.
 */
export const FORM_FIELDS_CUSTOM_FIELD = 'form-fields' as const;

/** Where form submissions are stored (never on the content API). */
export const SUBMISSION_UID = 'plugin::journey.submission' as const;

/** Admin RBAC actions of the Submissions view: reading (and exporting), and deleting. */
export const SUBMISSIONS_READ_ACTION = 'plugin::journey.submissions.read' as const;
export const SUBMISSIONS_DELETE_ACTION = 'plugin::journey.submissions.delete' as const;

/** The Strapi webhook event sent for each stored submission (Settings > Webhooks). */
export const SUBMISSION_WEBHOOK_EVENT = 'journey-submission.create' as const;

/** Admin RBAC action guarding the coverage panel, its admin API and the homepage widget. */
export const COVERAGE_READ_ACTION = 'plugin::journey.coverage.read' as const;

/** Admin RBAC action guarding the Performance view, its admin API and the edit view's numbers. */
export const PERFORMANCE_READ_ACTION = 'plugin::journey.performance.read' as const;

/** Users & Permissions actions of the content API (what a role or API token is granted). */
export const CONTENT_API_ACTIONS = {
  stages: 'plugin::journey.stage.find',
  personas: 'plugin::journey.persona.find',
  content: 'plugin::journey.content.find',
  // Named `*.find` so read-only API tokens, which hold only find/findOne actions, can call it.
  next: 'plugin::journey.next-content.find',
  coverage: 'plugin::journey.coverage.find',
  /** Sending views, clicks and conversions (POST /api/journey/events); the demo grants Public. */
  events: 'plugin::journey.event.create',
  /** Submitting a published form (POST /api/journey/forms/:documentId/submissions); the demo grants Public. */
  submissions: 'plugin::journey.submission.create',
  /**
   * Reading drafts of tagged types and personas (`status=draft`) while `protectDrafts` is on. Users
   * & Permissions actions are `<controller>.<action>` of a content-API route, hence not the bare
   * `plugin::journey.preview`: the route is `GET /api/journey/preview`, which tells a frontend
   * whether its token may preview. Not a `find`, so read-only API tokens do not get it.
   */
  preview: 'plugin::journey.preview.drafts',
  // Strapi's core REST for the shipped kinds (GET /api/journey/<plural>[/:documentId]).
  blogPosts: 'plugin::journey.blog-post.find',
  blogPost: 'plugin::journey.blog-post.findOne',
  landingPages: 'plugin::journey.landing-page.find',
  landingPage: 'plugin::journey.landing-page.findOne',
  ctas: 'plugin::journey.cta.find',
  cta: 'plugin::journey.cta.findOne',
  forms: 'plugin::journey.form.find',
  form: 'plugin::journey.form.findOne',
} as const;

/** Content-API actions renamed since a release: grants of the old name are moved at startup. */
export const RENAMED_CONTENT_API_ACTIONS = {
  // 0.1: `content.next` did not end in `find`, so read-only API tokens were refused /content/next.
  'plugin::journey.content.next': CONTENT_API_ACTIONS.next,
} as const;
