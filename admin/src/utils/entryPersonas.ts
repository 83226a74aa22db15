/*
 * The personas an entry has in the edit view, from the Content Manager's saved relations and its
 * form's unsaved rows. Pure: unit tested in tests/unit/editor-utils.test.ts.
 */

/** A persona as the panel lists it. */
export interface SelectedPersona {
  documentId: string;
  name: string;
}

/**
 * A relation as the Content Manager hands it around: the relations endpoint returns
 * `{ id, documentId, name, ... }`; the form's `connect`/`disconnect` rows carry
 * `{ id, apiData: { documentId }, name?, label? }`.
 */
export interface RelationItem {
  id: number | string;
  documentId?: string;
  apiData?: { id?: number | string; documentId?: string };
  name?: unknown;
  label?: unknown;
}

const isRelationItem = (value: unknown): value is RelationItem =>
  typeof value === 'object' && value !== null && 'id' in value;

const rowsOf = (value: unknown, key: 'connect' | 'disconnect'): RelationItem[] => {
  if (typeof value !== 'object' || value === null) return [];
  const rows = (value as Record<string, unknown>)[key];
  return Array.isArray(rows) ? rows.filter(isRelationItem) : [];
};

const toPersona = (item: RelationItem): SelectedPersona | null => {
  const documentId = item.documentId ?? item.apiData?.documentId;
  if (!documentId) return null;
  const name = [item.name, item.label].find(
    (candidate) => typeof candidate === 'string' && candidate !== ''
  );
  return { documentId, name: (name as string | undefined) ?? documentId };
};

/**
 * The personas the entry has right now, saved or not: the saved relations minus the form's
 * `disconnect` rows, plus its `connect` rows. The Content Manager keeps unsaved relation changes
 * only as those two lists; a reordered saved relation shows up in `connect` too, hence the
 * de-duplication by id.
 */
export const selectedPersonas = (
  saved: readonly RelationItem[],
  fieldValue: unknown
): SelectedPersona[] => {
  const disconnected = new Set(rowsOf(fieldValue, 'disconnect').map((item) => String(item.id)));
  const result: SelectedPersona[] = [];
  const seen = new Set<string>();
  for (const item of [...saved, ...rowsOf(fieldValue, 'connect')]) {
    const id = String(item.id);
    if (disconnected.has(id) || seen.has(id)) continue;
    seen.add(id);
    const persona = toPersona(item);
    if (persona) result.push(persona);
  }
  return result;
};
