import type { Core } from '@strapi/strapi';
import { echo } from '../content-api/query';
import type { TaggingService } from '../services/tagging';
import type { TaggedType } from '../tagging/tagged-types';
import { validationError } from './validation';

/** A 400 for one query parameter, in Strapi's shape, naming the parameter in `details`. */
export const paramError = (parameter: string, message: string, value?: unknown) =>
  validationError(message, [{ path: [parameter], message, name: 'ValidationError', value }]);

/** `type=a,b` -> the tagged types, in the order asked; all of them when absent. */
export const resolveTypeNames = (tagging: TaggingService, names?: string[]): TaggedType[] => {
  if (!names) return [...tagging.types];
  return names.map((name) => {
    const type = tagging.byName(name);
    if (!type) throw paramError('type', `Unknown type ${echo(name)}. Valid types: ${tagging.names().join(', ')}.`, name);
    return type;
  });
};

/** `locale=da` -> 'da' if such a locale exists; the default locale when absent. */
export const resolveLocale = async (strapi: Core.Strapi, code?: string): Promise<string> => {
  const locales = strapi.plugin('i18n').service('locales');
  if (code === undefined) return (await locales.getDefaultLocale()) as string;
  const known = ((await locales.find()) as Array<{ code: string }>).map((locale) => locale.code);
  if (!known.includes(code)) throw paramError('locale', `Unknown locale ${echo(code)}. Available locales: ${known.join(', ')}.`, code);
  return code;
};
