import type { Core, UID } from '@strapi/strapi';
import { BUILT_IN_TYPES, PERSONAS_ATTRIBUTE, STAGE_ATTRIBUTE } from '../../../shared/constants';
import type { JourneyConfig } from '../config/schema';

/** A content type that carries a journey stage and personas. */
export interface TaggedType {
  uid: UID.ContentType;
  /** How the content API's `type` parameter and the coverage panel call it. */
  name: string;
  builtIn: boolean;
}

/** `api::case-study.case-study` -> `case-study`. */
const defaultNameFor = (uid: string) => uid.split('.').pop() ?? uid;

/**
 * Which content types are tagged, from the plugin config alone (no Strapi needed, so services can
 * call it at any time). Throws when two entries would share a UID or a name.
 */
export const listTaggedTypes = (config: JourneyConfig): TaggedType[] => {
  const tagged: TaggedType[] = config.builtInTypes
    ? Object.entries(BUILT_IN_TYPES).map(([name, uid]) => ({ uid, name, builtIn: true }))
    : [];

  config.contentTypes.forEach((entry, index) => {
    const uid = (typeof entry === 'string' ? entry : entry.uid) as UID.ContentType;
    const name = (typeof entry === 'string' ? undefined : entry.name) ?? defaultNameFor(uid);
    const clash = tagged.find((other) => other.uid === uid || other.name === name);
    if (clash) {
      throw new Error(
        clash.uid === uid
          ? `contentTypes[${index}] ("${uid}"): ${clash.builtIn ? 'the plugin tags it already' : 'listed twice'}.`
          : `contentTypes[${index}] ("${uid}"): the name "${name}" is taken by ${clash.uid}. Give it another with { uid, name }.`
      );
    }
    tagged.push({ uid, name, builtIn: false });
  });

  return tagged;
};

/**
 * Checks, before injection, that a user's content type can be tagged. Throws an Error naming the
 * offending `contentTypes` entry, so Strapi refuses to start with a reason instead of misbehaving.
 */
export const assertTaggable = (strapi: Core.Strapi, type: TaggedType, index: number) => {
  const where = `contentTypes[${index}] ("${type.uid}")`;
  if (!/^(api|plugin)::/.test(type.uid)) {
    throw new Error(
      `${where}: only your own content types (api::...) or a plugin's (plugin::...) can be tagged.`
    );
  }
  const contentType = strapi.get('content-types').get(type.uid);
  if (!contentType) {
    throw new Error(`${where}: no such content type. Use a UID like "api::article.article".`);
  }
  if (contentType.kind !== 'collectionType') {
    throw new Error(`${where}: only collection types can be tagged; this is a single type.`);
  }
  for (const attribute of [STAGE_ATTRIBUTE, PERSONAS_ATTRIBUTE]) {
    if (attribute in contentType.attributes) {
      throw new Error(
        `${where}: it already has an attribute named "${attribute}". Rename that attribute first.`
      );
    }
  }
};
