import type { Core } from '@strapi/strapi';

/**
 * Coverage worked out the slow, obvious way: load every document of the type through the Document
 * Service and count in JavaScript. Tests compare the SQL coverage against it.
 */
export const recountCoverage = async (
  strapi: Core.Strapi,
  uid: string,
  status: 'published' | 'draft',
  locale = 'en'
) => {
  const entries = (await strapi.documents(uid as never).findMany({
    status,
    locale,
    populate: { personas: { fields: ['slug'] } },
    pagination: { page: 1, pageSize: 100_000 },
  } as never)) as unknown as Array<{
    documentId: string;
    journeyStage: string | null;
    personas: Array<{ slug: string }>;
  }>;

  const stageTotals: Record<string, number> = {};
  const cells: Record<string, number> = {};
  for (const entry of entries) {
    const stage = entry.journeyStage ?? '(none)';
    stageTotals[stage] = (stageTotals[stage] ?? 0) + 1;
    for (const persona of entry.personas)
      cells[`${stage}/${persona.slug}`] = (cells[`${stage}/${persona.slug}`] ?? 0) + 1;
  }
  return { stageTotals, cells, documentIds: entries.map((entry) => entry.documentId) };
};

/** The same shape, read from the coverage API's answer (zeros dropped). */
export const coverageAsCounts = (data: {
  stageTotals: Array<{ stage: string; count: number }>;
  cells: Array<{ stage: string; persona: string; count: number }>;
  noStage: { count: number };
}) => {
  const stageTotals: Record<string, number> = {};
  const cells: Record<string, number> = {};
  for (const total of data.stageTotals) if (total.count > 0) stageTotals[total.stage] = total.count;
  if (data.noStage.count > 0) stageTotals['(none)'] = data.noStage.count;
  for (const cell of data.cells)
    if (cell.count > 0) cells[`${cell.stage}/${cell.persona}`] = cell.count;
  return { stageTotals, cells };
};
