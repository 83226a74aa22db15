import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../shared/constants';
import type services from '../services';

type Services = typeof services;
export type ServiceName = keyof Services;

/** Typed access to the plugin's services: `getService(strapi, 'stages').keys`. */
export const getService = <Name extends ServiceName>(
  strapi: Core.Strapi,
  name: Name
): ReturnType<Services[Name]> =>
  strapi.plugin(PLUGIN_ID).service(name) as ReturnType<Services[Name]>;
