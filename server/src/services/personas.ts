import type { Core } from '@strapi/strapi';
import type { PersonaResponseItem } from '../../../shared/contracts';
import { PERSONA_UID } from '../../../shared/constants';

/** Persona lists (goals, pain points, touchpoints) are stored one item per line. */
export const splitLines = (text: unknown): string[] =>
  typeof text === 'string'
    ? text
        .split(/\r?\n/)
        .map((line) => line.replace(/^\s*[-*•]\s*/, '').trim())
        .filter(Boolean)
    : [];

const createPersonasService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Published personas, by name, in the API's shape. */
  async listPublished(): Promise<PersonaResponseItem[]> {
    const personas = (await strapi.documents(PERSONA_UID).findMany({
      status: 'published',
      sort: 'name:asc',
      fields: ['slug', 'name', 'description', 'goals', 'painPoints', 'touchpoints'],
    } as never)) as unknown as Array<Record<string, unknown>>;
    return personas.map((persona) => ({
      documentId: persona.documentId as string,
      slug: persona.slug as string,
      name: persona.name as string,
      description: (persona.description as string | null) ?? null,
      goals: splitLines(persona.goals),
      painPoints: splitLines(persona.painPoints),
      touchpoints: splitLines(persona.touchpoints),
    }));
  },

  /**
   * Published persona rows (id and slug): the slugs a public filter may use (drafts are not
   * revealed), and the row ids published entries link to.
   */
  async publishedRows(): Promise<Array<{ id: number; slug: string }>> {
    return (await strapi.db.query(PERSONA_UID).findMany({
      select: ['id', 'slug'],
      where: { publishedAt: { $notNull: true } },
      orderBy: { slug: 'asc' },
    })) as Array<{ id: number; slug: string }>;
  },
});

export default createPersonasService;
export type PersonasService = ReturnType<typeof createPersonasService>;
