/** Locale data as the tests walk it. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Every string leaf with its dotted path (`banner.title`, `sections[0].heading`). */
export function leaves(value: Json, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => leaves(item, path ? `${path}.${key}` : key));
  return [];
}
