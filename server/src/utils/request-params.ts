import type { Core } from '@strapi/strapi';
import type { TaggingService } from '../services/tagging';
import type { TaggedType } from '../tagging/tagged-types';
import { echo } from './query-parsing';
import { fieldError, validationError } from './validation';

/** `type=a,b` -> the tagged types, in the order asked; all of them when absent. */
export const resolveTypeNames = (tagging: TaggingService, names?: string[]): TaggedType[] => {
  if (!names) return [...tagging.types];
  return names.map((name) => {
    const type = tagging.byName(name);
    if (!type) {
      const message = `Unknown type ${echo(name)}. Valid types: ${tagging.names().join(', ')}.`;
      throw fieldError('type', message, name);
    }
    return type;
  });
};

/** The 400 of a locale code that does not exist, listing those that do. */
export const unknownLocale = (code: string, known: Iterable<string>, path: string[]) => {
  const message = `Unknown locale ${echo(code)}. Available locales: ${[...known].join(', ')}.`;
  return validationError(message, [{ path, message, name: 'ValidationError', value: code }]);
};

/**
 * `locale=da` -> 'da' if such a locale exists; the default locale when absent. `path` is where the
 * error points (a query parameter by default; a body field such as `['context', 'locale']`).
 */
export const resolveLocale = async (
  strapi: Core.Strapi,
  code?: string,
  path: string[] = ['locale']
): Promise<string> => {
  const locales = strapi.plugin('i18n').service('locales');
  if (code === undefined) return (await locales.getDefaultLocale()) as string;
  const known = ((await locales.find()) as Array<{ code: string }>).map((locale) => locale.code);
  if (!known.includes(code)) throw unknownLocale(code, known, path);
  return code;
};
