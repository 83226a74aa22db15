import type { Core } from '@strapi/strapi';
import type controllers from '../controllers';

type Controllers = typeof controllers;

/** Every `controller.action` the plugin's controllers define, e.g. `'coverage.find'`. */
export type ControllerAction = {
  [Name in keyof Controllers & string]: `${Name}.${keyof ReturnType<Controllers[Name]> & string}`;
}[keyof Controllers & string];

/**
 * A route of this plugin: Strapi's route input whose handler must name an existing controller
 * action. Strapi resolves string handlers only when the route is called, so a typo or a removed
 * action would otherwise surface as a 500 (and a Users & Permissions action nobody can use);
 * typed, it fails `npm run typecheck`.
 */
export type PluginRoute = Omit<Core.RouteInput, 'handler'> & { handler: ControllerAction };
