/**
 * The result type every check in src/vn returns: a stable machine code
 * (`date.impossible`), a severity, and a message a Vietnamese user can read.
 * Only codes are meant for programs; messages may be reworded at any time.
 */

export type Severity = 'ERROR' | 'WARNING' | 'INFO';

/** A correction the user may confirm: the whole new value of the field and a Vietnamese label for the button. */
export interface IssueFix {
  value: string;
  label: string;
}

export interface VnIssue {
  /** Stable code, `<area>.<problem>`, e.g. 'date.impossible'. */
  code: string;
  severity: Severity;
  /** Vietnamese, for the person keying or reviewing. */
  message: string;
  /** Offered, never applied by itself (the book's text is the user's to change). */
  fix?: IssueFix;
}

export function makeIssue(code: string, severity: Severity, message: string, fix?: IssueFix): VnIssue {
  return fix ? { code, severity, message, fix } : { code, severity, message };
}
