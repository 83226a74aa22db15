import type { Core, UID } from '@strapi/strapi';
import { getJourneyConfig } from '../config';
import { listTaggedTypes, type TaggedType } from '../tagging/tagged-types';

/** Which content types carry a journey stage and personas, and what the API calls them. */
const createTaggingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const types: readonly TaggedType[] = listTaggedTypes(getJourneyConfig(strapi));
  const taggedUids = new Set<string>(types.map((type) => type.uid));
  const byName = new Map(types.map((type) => [type.name, type]));

  return {
    types,
    isTagged: (uid: UID.ContentType | string) => taggedUids.has(uid),
    byName: (name: string) => byName.get(name),
    names: () => types.map((type) => type.name),
  };
};

export default createTaggingService;
export type TaggingService = ReturnType<typeof createTaggingService>;
