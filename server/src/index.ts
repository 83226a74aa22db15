import { BUILT_IN_TYPES, type BuiltInTypeName } from '../../shared/constants';
import type { Core } from '@strapi/strapi';
import { stopTableChanges } from './caching/table-changes';
import bootstrap from './bootstrap';
import config, { validateJourneyConfig } from './config';
import shippedContentTypes from './content-types';
import { shippedControllers, shippedRouters, shippedServices } from './content-types/core-api';
import controllers from './controllers';
import policies from './policies';
import register from './register';
import routes from './routes';
import services from './services';
import { getService } from './utils/get-service';

/**
 * The server side of the plugin. A factory, not an object: Strapi calls it once for every app it
 * loads (a test process loads several), so each app gets a content-type map of its own, which its
 * config may trim.
 */
export default () => {
  const contentTypes: Partial<typeof shippedContentTypes> = { ...shippedContentTypes };
  // The shipped kinds' core REST (content-types/core-api.ts) comes and goes with their types.
  const allControllers: Partial<typeof controllers & typeof shippedControllers> = {
    ...controllers,
    ...shippedControllers,
  };
  const allServices: Partial<typeof services & typeof shippedServices> = {
    ...services,
    ...shippedServices,
  };
  const allRoutes: Partial<typeof routes & typeof shippedRouters> = {
    ...routes,
    ...shippedRouters,
  };

  return {
    register,
    bootstrap,
    // Strapi runs plugins' destroy before closing its server and database: the buffered events are written then.
    async destroy({ strapi }: { strapi: Core.Strapi }) {
      getService(strapi, 'submissions').stop();
      stopTableChanges(strapi);
      await Promise.all([
        getService(strapi, 'analytics').stop(),
        getService(strapi, 'content').settle(),
      ]);
    },
    config: {
      ...config,
      /**
       * Strapi registers a plugin's content types right after validating its config, before any
       * plugin's register() (i18n's adds its fields to every type registered by then). So this is
       * the moment that knows `builtInTypes` and can still leave the shipped kinds out entirely:
       * no table, no Content Manager entry, no GraphQL type, no REST route. Personas always stay.
       */
      validator(raw: unknown) {
        if (validateJourneyConfig(raw).builtInTypes) return;
        // Submissions belong to the shipped form type: they go with it.
        delete contentTypes.submission;
        for (const name of Object.keys(BUILT_IN_TYPES) as BuiltInTypeName[]) {
          delete contentTypes[name];
          delete allControllers[name];
          delete allServices[name];
          delete allRoutes[name];
        }
      },
    },
    contentTypes,
    controllers: allControllers,
    policies,
    routes: allRoutes,
    services: allServices,
  };
};
