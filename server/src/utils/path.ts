/** `['stages', 2, 'key']` -> `stages[2].key`: how messages point at the offending entry. */
export const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((out, segment) => {
    if (typeof segment === 'number') return `${out}[${segment}]`;
    return out ? `${out}.${String(segment)}` : String(segment);
  }, '');
