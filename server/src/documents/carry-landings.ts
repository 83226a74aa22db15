import type { Core } from '@strapi/strapi';

/**
 * Carries still landing after their write returned (documents/carry-counts.ts), per tagged type.
 *
 * On PostgreSQL a carry lands only once the version read after commit shows that nothing but its
 * write committed since its start. That read is not the writer's business: the write returns at
 * commit and its carry lands alongside whatever the caller does next. Each type's carries land in
 * the order their writes committed (each moves the counts the one before it left), and a reader
 * of a type's counts waits for them first, so a count read after a write returned is the carried
 * one, as if the write had waited. Nothing here holds a connection while it waits.
 */
const landings = new WeakMap<Core.Strapi, Map<string, Promise<void>>>();

const pendingOf = (strapi: Core.Strapi) => {
  let pending = landings.get(strapi);
  if (!pending) {
    pending = new Map();
    landings.set(strapi, pending);
  }
  return pending;
};

/** Whether a carry of `typeName` is still landing. */
export const isCarryLanding = (strapi: Core.Strapi, typeName: string) =>
  pendingOf(strapi).has(typeName);

/**
 * Lands a carry of `typeName` after the ones before it: `measure` may run at once (the version
 * read), `land` runs once every earlier carry of the type has landed. With nothing before it and
 * a `measure` that does not wait, it lands before this returns (SQLite reads nothing after commit).
 */
export const landCarry = <Measured>(
  strapi: Core.Strapi,
  typeName: string,
  measure: () => Measured | Promise<Measured>,
  land: (measured: Measured) => void,
  onError: (error: unknown) => void
) => {
  const pending = pendingOf(strapi);
  const before = pending.get(typeName);
  let measured: Measured | Promise<Measured>;
  try {
    measured = measure();
  } catch (error) {
    onError(error);
    return;
  }
  if (!before && !(measured instanceof Promise)) {
    try {
      land(measured);
    } catch (error) {
      onError(error);
    }
    return;
  }
  const landing = Promise.all([measured, before])
    .then(([value]) => land(value))
    .catch(onError)
    .finally(() => {
      if (pending.get(typeName) === landing) pending.delete(typeName);
    });
  pending.set(typeName, landing);
};

/** Waits until every carry of the given types that is landing now has landed. */
export const carriesLanded = async (strapi: Core.Strapi, typeNames: readonly string[]) => {
  const pending = pendingOf(strapi);
  if (pending.size === 0) return;
  await Promise.all(typeNames.map((name) => pending.get(name)));
};
