/**
 * The result type every check in src/vn returns: a stable machine code
 * (`date.impossible`), a severity, and a message a Vietnamese user can read.
 * Only codes are meant for programs; messages may be reworded at any time.
 */

export type Severity = 'ERROR' | 'WARNING' | 'INFO';

export interface VnIssue {
  /** Stable code, `<area>.<problem>`, e.g. 'date.impossible'. */
  code: string;
  severity: Severity;
  /** Vietnamese, for the person keying or reviewing. */
  message: string;
}

export function makeIssue(code: string, severity: Severity, message: string): VnIssue {
  return { code, severity, message };
}
