/**
 * The keying screen's keyboard: one keydown listener on the window (capture
 * phase, so it wins over inputs and the browser's own Ctrl+S / Ctrl+D /
 * Ctrl+J / Alt+←). Keys are matched on KeyboardEvent.code for letters, so
 * they work whatever the keyboard layout or input method (Telex, VNI) does.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';

export type ShortcutAction =
  | 'save'
  | 'complete'
  | 'reloadLatest'
  | 'nextRecord'
  | 'prevRecord'
  | 'newRecord'
  | 'nextPage'
  | 'prevPage'
  | 'jump'
  | 'copyForward'
  | 'toggleFlag'
  | 'zoomIn'
  | 'zoomOut'
  | 'fitWidth'
  | 'fitPage'
  | 'rotate'
  | 'panUp'
  | 'panDown';

/** The help line, in the order shown. */
export const SHORTCUT_HELP: readonly [string, string][] = [
  ['Ctrl+S', 'lưu'],
  ['Ctrl+Enter', 'hoàn thành'],
  ['Alt+→/←', 'bản ghi sau/trước'],
  ['Alt+N', 'bản ghi mới'],
  ['Alt+PgDn/PgUp', 'trang sau/trước'],
  ['Ctrl+J', 'tìm trường'],
  ['Enter', 'nhận gợi ý (↓/↑ chọn)'],
  ['Ctrl+Z', 'bỏ gợi ý vừa nhận'],
  ['Ctrl+D', 'chép từ bản ghi trước'],
  ['Alt+U', 'chưa chắc/không đọc được'],
  ['Alt+= / Alt+−', 'phóng to/thu nhỏ'],
  ['Alt+↑/↓', 'cuộn ảnh'],
  ['Alt+0 / Alt+9', 'vừa chiều rộng/cả trang'],
  ['Alt+R', 'xoay ảnh'],
];

const CTRL: Record<string, ShortcutAction> = { KeyS: 'save', Enter: 'complete', NumpadEnter: 'complete', KeyJ: 'jump', KeyD: 'copyForward' };
const ALT: Record<string, ShortcutAction> = {
  ArrowRight: 'nextRecord',
  ArrowLeft: 'prevRecord',
  KeyN: 'newRecord',
  PageDown: 'nextPage',
  PageUp: 'prevPage',
  KeyU: 'toggleFlag',
  Equal: 'zoomIn',
  NumpadAdd: 'zoomIn',
  Minus: 'zoomOut',
  NumpadSubtract: 'zoomOut',
  Digit0: 'fitWidth',
  Digit9: 'fitPage',
  KeyR: 'rotate',
  ArrowUp: 'panUp',
  ArrowDown: 'panDown',
  KeyL: 'reloadLatest',
};

export function shortcutOf(e: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'code'>): ShortcutAction | undefined {
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl && !e.altKey) return CTRL[e.code];
  if (e.altKey && !ctrl && !e.shiftKey) return ALT[e.code];
  return undefined;
}

/**
 * Calls `handle` for every shortcut while `enabled`; while a dialog has the
 * keyboard the shortcuts do nothing (but still never reach the browser).
 */
export function useShortcuts(handle: (action: ShortcutAction) => void, enabled: boolean): void {
  const latest = useRef({ handle, enabled });
  useLayoutEffect(() => {
    latest.current = { handle, enabled };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutOf(e);
      if (!action) return;
      e.preventDefault();
      e.stopPropagation();
      const repeatable = action.startsWith('zoom') || action.startsWith('pan');
      if (latest.current.enabled && (!e.repeat || repeatable)) latest.current.handle(action);
    };
    addEventListener('keydown', onKey, true);
    return () => removeEventListener('keydown', onKey, true);
  }, []);
}
