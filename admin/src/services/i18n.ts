import { adminApi } from '@strapi/strapi/admin';

/*
 * The i18n plugin's locales (`GET /i18n/locales`, any logged-in admin): what the Performance view's
 * locale filter offers. The coverage panel has its own options endpoint, but it asks for Read
 * coverage, which a user of the Performance view may not have.
 */

export interface LocaleOption {
  code: string;
  name: string;
  isDefault: boolean;
}

const i18nApi = adminApi.injectEndpoints({
  endpoints: (builder) => ({
    // Not `getLocales`: the i18n plugin injects an endpoint of that name into the same API.
    getJourneyLocaleOptions: builder.query<LocaleOption[], void>({
      query: () => '/i18n/locales',
      transformResponse: (locales: LocaleOption[]) =>
        locales.map(({ code, name, isDefault }) => ({ code, name, isDefault })),
    }),
  }),
  overrideExisting: false,
});

export const { useGetJourneyLocaleOptionsQuery } = i18nApi;
