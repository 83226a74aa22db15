import type { Core } from '@strapi/strapi';
import { parseJourneyConfig, type JourneyConfig } from '../config';
import { PLUGIN_ID } from '../../../shared/constants';

/** The plugin config with defaults applied (validated at startup, so parsing cannot fail here). */
export const getJourneyConfig = (strapi: Core.Strapi): JourneyConfig =>
  parseJourneyConfig(strapi.config.get(`plugin::${PLUGIN_ID}`));
