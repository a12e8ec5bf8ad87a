/**
 * Ctrl+Enter: save what is pending, then ask the server to complete. An
 * ERROR left: the keyer is taken to the first field in error and every
 * finding is shown; WARNINGs not yet acknowledged: they are listed for the
 * keyer to confirm against the book, the acknowledgement is saved, then the
 * record is completed.
 */
import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../shared/index.js';
import { api, type ConflictDetails, type Finding } from './keying.api.js';
import { isVersionConflict, type RecordEditor } from './useRecordEditor.js';

export interface Completion {
  warnings: Finding[] | undefined;
  busy: boolean;
  complete(): Promise<void>;
  acknowledgeAndComplete(codes: string[]): Promise<void>;
  dismissWarnings(): void;
  /** A completed record back to draft, to change what completion would refuse. */
  reopen(): Promise<void>;
}

interface Hooks {
  onErrors(errors: Finding[]): void;
  onMessage(text: string): void;
}

export function useCompletion(editor: RecordEditor, hooks: Hooks): Completion {
  const [warnings, setWarnings] = useState<Finding[]>();
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const { onErrors, onMessage } = hooks;

  const refused = useCallback(
    (e: unknown) => {
      if (!(e instanceof ApiError)) return onMessage((e as Error).message || 'Mất kết nối với máy chủ.');
      if (e.code === 'record.has_errors') {
        onErrors((e.details as { findings?: Finding[] } | undefined)?.findings ?? []);
        return onMessage(e.message);
      }
      if (e.code === 'record.unacknowledged_warnings') return setWarnings((e.details as { warnings?: Finding[] } | undefined)?.warnings ?? []);
      if (isVersionConflict(e)) return editor.showConflict(e.details as ConflictDetails);
      onMessage(e.message);
    },
    [editor, onErrors, onMessage],
  );

  const complete = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      if (!(await editor.save())) return;
      const d = editor.current();
      if (d.base.keyingOf) {
        const done = await api.completePass(d.base.id, d.base.version);
        editor.adopt(done.pass);
        setWarnings(undefined);
        onMessage(done.comparison.outcome === 'compared' ? 'Đã hoàn thành lần nhập độc lập; hai lần nhập đã được đối chiếu.' : 'Đã hoàn thành lần nhập độc lập.');
        return;
      }
      const view = await api.complete(d.base.id, d.base.version);
      editor.adopt(view);
      setWarnings(undefined);
      onMessage('Đã hoàn thành bản ghi.');
    } catch (e) {
      refused(e);
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, [editor, onMessage, refused]);

  const acknowledgeAndComplete = useCallback(
    async (codes: string[]) => {
      setBusy(true);
      const saved = await editor.save(codes);
      setBusy(false);
      if (!saved) return;
      setWarnings(undefined);
      await complete();
    },
    [editor, complete],
  );

  const reopen = useCallback(async () => {
    try {
      if (!(await editor.save())) return;
      const d = editor.current();
      editor.adopt(await api.reopen(d.base.id, d.base.version));
      onMessage('Đã mở lại bản ghi để sửa; hoàn thành lại bằng Ctrl+Enter.');
    } catch (e) {
      refused(e);
    }
  }, [editor, onMessage, refused]);

  return { warnings, busy, complete, acknowledgeAndComplete, reopen, dismissWarnings: () => setWarnings(undefined) };
}
