/**
 * The register's findings on the values as they are typed, computed in the
 * browser by the catalog's own validator (registers/: the same code the
 * server runs on save, which stays the authority: completion asks the
 * server). No request while typing; the computation follows the typing at
 * React's deferred pace, so a slow machine never delays a keystroke.
 * Warnings the record already acknowledged are marked (by code, or path:code).
 */
import { useDeferredValue, useMemo } from 'react';
import { validateRecord } from '../../registers/index.js';
import type { Finding, Values } from './keying.api.js';

export function useFindings(templateId: string, values: Values, acknowledged: readonly string[]): Finding[] {
  const typed = useDeferredValue(values);
  const findings = useMemo(() => validateRecord(templateId, typed, { today: new Date() }), [templateId, typed]);
  return useMemo(
    () => findings.map((f) => (f.severity === 'WARNING' ? { ...f, acknowledged: acknowledged.includes(f.code) || acknowledged.includes(`${f.path}:${f.code}`) } : f)),
    [findings, acknowledged],
  );
}

/** Findings grouped by field key. */
export function findingsByField(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) out.set(f.path, [...(out.get(f.path) ?? []), f]);
  return out;
}
