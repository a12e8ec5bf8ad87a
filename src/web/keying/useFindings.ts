/**
 * The register's findings on the values as they are typed: the server's
 * validator (POST /api/registers/:id/validate), 300 ms after the last change;
 * an answer that arrives after newer typing is dropped. Warnings the record
 * already acknowledged are marked (by code, or path:code).
 */
import { useEffect, useState } from 'react';
import { api, type Finding, type Values } from './keying.api.js';

export const VALIDATE_DEBOUNCE_MS = 300;

export function useFindings(templateId: string, values: Values, acknowledged: readonly string[], initial: Finding[]): Finding[] {
  const [findings, setFindings] = useState(initial);
  useEffect(() => {
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      api.validate(templateId, values, ctl.signal).then((r) => setFindings(r.findings), () => undefined);
    }, VALIDATE_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [templateId, values]);
  return findings.map((f) =>
    f.severity === 'WARNING' ? { ...f, acknowledged: acknowledged.includes(f.code) || acknowledged.includes(`${f.path}:${f.code}`) } : f,
  );
}

/** Findings grouped by field key. */
export function findingsByField(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) out.set(f.path, [...(out.get(f.path) ?? []), f]);
  return out;
}
