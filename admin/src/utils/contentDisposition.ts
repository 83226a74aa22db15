/*
 * Pure: unit tested in tests/unit/admin-utils.test.ts.
 */

/**
 * The file name a `Content-Disposition: attachment; filename="..."` header asks for, or null.
 * Handles the RFC 5987 `filename*=UTF-8''...` form too; path separators are dropped.
 */
export const filenameFromDisposition = (header: string | null | undefined): string | null => {
  if (!header) return null;
  const extended = /filename\*\s*=\s*utf-8''([^;]+)/i.exec(header);
  let name: string | null = null;
  if (extended) {
    try {
      name = decodeURIComponent(extended[1].trim());
    } catch {
      name = null;
    }
  }
  if (!name) {
    const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(header);
    name = (plain?.[1] ?? plain?.[2])?.trim() || null;
  }
  const base = name?.split(/[\\/]/).pop()?.trim();
  return base || null;
};
