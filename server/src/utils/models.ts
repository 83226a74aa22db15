import type { Core, UID } from '@strapi/strapi';

/** Whether a content type is localized (i18n): its rows carry a locale and are counted per locale. */
export const isLocalized = (strapi: Core.Strapi, uid: UID.ContentType) =>
  Boolean(
    (strapi.contentType(uid).pluginOptions?.i18n as { localized?: boolean } | undefined)?.localized
  );

/** Whether a content type has draft & publish: without it, every row is the live document. */
export const hasDraftAndPublish = (strapi: Core.Strapi, uid: UID.ContentType) =>
  Boolean(strapi.contentType(uid).options?.draftAndPublish);

/** The parts of Strapi's database metadata the plugin's SQL reads. */
export interface ModelMeta {
  tableName: string;
  attributes: Record<
    string,
    {
      columnName?: string;
      joinTable?: {
        name: string;
        joinColumn: { name: string };
        inverseJoinColumn: { name: string };
        orderColumnName?: string;
      };
    }
  >;
}

export const modelMeta = (strapi: Core.Strapi, uid: string) =>
  strapi.db.metadata.get(uid as never) as unknown as ModelMeta;

/** The column behind an attribute (`journeyStage` -> `journey_stage`). */
export const column = (meta: ModelMeta, attribute: string) =>
  meta.attributes[attribute]?.columnName ?? attribute;
