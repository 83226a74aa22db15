import type { Core } from '@strapi/strapi';
import { ensureDemoLocales, setUpDemo } from './seed';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureDemoLocales(strapi);
    await setUpDemo(strapi);
  },
};
