/** Building test records: a base record with some keys changed or removed (undefined removes). */
export function patchValues<T>(base: Readonly<Record<string, T>>, patch: Readonly<Record<string, T | undefined>>): Record<string, T> {
  const out: Record<string, T> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}
