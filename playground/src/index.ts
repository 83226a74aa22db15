import type { Core } from '@strapi/strapi';
import { answerClientErrorsLikeStrapi } from './client-errors';
import { grantPublicJourneyAccess } from './permissions';
import { ensurePreviewToken } from './preview';
import { ensureDemoLocales, setUpDemo } from './seed';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    answerClientErrorsLikeStrapi(strapi);
    await ensureDemoLocales(strapi);
    await grantPublicJourneyAccess(strapi);
    await setUpDemo(strapi);
    await ensurePreviewToken(strapi);
  },
};
