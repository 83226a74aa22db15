/*
 * Names the server defines too (server/src/constants.ts). The admin cannot import server code (it
 * pulls in Strapi's server runtime), so the few it needs are repeated here; keep them in sync.
 */

/** The persona content type, for "create personas" links in empty states. */
export const PERSONA_UID = 'plugin::journey.persona';

/** Attribute names the plugin injects into every tagged type; the Content Manager filters on them. */
export const STAGE_ATTRIBUTE = 'journeyStage';
export const PERSONAS_ATTRIBUTE = 'personas';

/** RBAC action guarding the coverage panel, its API and the homepage widget. */
export const COVERAGE_READ_ACTION = 'plugin::journey.coverage.read';

/** File name of the CSV export when the server does not name it (Content-Disposition). */
export const COVERAGE_CSV_FILENAME = 'journey-coverage.csv';
