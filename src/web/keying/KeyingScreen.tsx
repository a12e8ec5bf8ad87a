/**
 * The keying screen of one record: the page image on the left, the form on
 * the right, the record's facts and save state above, the shortcuts below.
 * Everything here works from the keyboard alone (shortcuts.ts). The keying
 * aids (useAids.ts) offer values under the focused field; only what the
 * keyer accepts (Enter, Ctrl+D) becomes a value.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ConflictBanner } from './ConflictBanner.js';
import { DraftOffer } from './DraftOffer.js';
import { keyedFields } from './form-fields.js';
import { ImageViewer, type ViewerControls } from './ImageViewer.js';
import type { Finding, FormDescription } from './keying.api.js';
import { QuickPick } from './QuickPick.js';
import { nextFlag, RecordForm } from './RecordForm.js';
import { SHORTCUT_HELP, useShortcuts, type ShortcutAction } from './shortcuts.js';
import { ShortcutHelp, TopBar } from './TopBar.js';
import { useBookNavigation, type KeyingData } from './useBookNavigation.js';
import { useAids } from './useAids.js';
import { useCompletion } from './useCompletion.js';
import { useFieldFocus } from './useFieldFocus.js';
import { useFindings } from './useFindings.js';
import { useRecordEditor } from './useRecordEditor.js';
import { useMachineRead } from './useMachineRead.js';
import { WarningsDialog } from './WarningsDialog.js';

/** "Họ, chữ đệm, tên (Mẹ)": a field's label with its group, for banners and dialogs. */
function labelsOf(form: FormDescription): Map<string, string> {
  return new Map(form.groups.flatMap((g) => g.fields.map((f) => [f.key, `${f.label} (${g.label})`] as const)));
}

/** Shortcuts that write: refused on a read-only screen. */
const WRITES: ReadonlySet<ShortcutAction> = new Set<ShortcutAction>(['save', 'complete', 'newRecord', 'copyForward', 'toggleFlag']);

/** `readOnly`: the user may read records but not key them (no records.key): nothing is saved, keying shortcuts are off. */
export function KeyingScreen({ data, userId, readOnly = false }: { data: KeyingData; userId: string | undefined; readOnly?: boolean }) {
  const { form } = data;
  const fields = useMemo(() => keyedFields(form), [form]);
  const labels = useMemo(() => labelsOf(form), [form]);
  const labelOf = useCallback((key: string) => labels.get(key) ?? key, [labels]);
  const editor = useRecordEditor(data.record, userId, !readOnly);
  const { draft } = editor;
  const findings = useFindings(form.templateId, draft.values, draft.base.acknowledged);
  const machine = useMachineRead(data.record.id, editor, !readOnly && data.record.status !== 'completed');
  const focus = useFieldFocus();
  const { focusField, element } = focus;
  const [notice, setNotice] = useState<string>();
  const [showAll, setShowAll] = useState(false);
  const [picking, setPicking] = useState(false);
  const returnTo = useRef<string>(undefined);
  const viewer = useRef<ViewerControls>(null);

  const onErrors = useCallback(
    (errors: Finding[]) => {
      setShowAll(true);
      const first = errors.find((e) => element(e.path));
      if (first) focusField(first.path);
    },
    [element, focusField],
  );
  const completion = useCompletion(editor, { onErrors, onMessage: setNotice });
  const pageSeqOfRecord = data.pages.find((p) => p.id === data.record.pageIds[0])?.seq;
  const aids = useAids(data, fields, form, editor, focus, pageSeqOfRecord);
  const nav = useBookNavigation(data, fields, editor, setNotice, aids.previous);
  const toggleFlag = useCallback((key: string) => editor.setFlag(key, nextFlag(editor.current().flags[key])), [editor]);

  useEffect(() => {
    // Defaults are offered (aids.ts), never filled in unasked.
    if (fields[0]) focusField(fields[0].key);
    // Once, when the record opens (the screen is keyed by record id).
  }, []);

  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => setNotice(undefined), 10_000);
    return () => clearTimeout(t);
  }, [notice]);

  const openPick = () => {
    returnTo.current = focus.last();
    setPicking(true);
  };
  const closePick = (key?: string) => {
    setPicking(false);
    const target = key ?? returnTo.current;
    if (target) setTimeout(() => focusField(target), 0);
  };

  const closeWarnings = () => {
    completion.dismissWarnings();
    const last = focus.last();
    if (last) setTimeout(() => focusField(last), 0);
  };

  const run = (action: ShortcutAction) => {
    const v = viewer.current;
    if (readOnly && WRITES.has(action)) return setNotice('Chế độ chỉ xem: bạn không có quyền nhập liệu.');
    switch (action) {
      case 'save':
        return void editor.save();
      case 'complete':
        return void completion.complete();
      case 'reloadLatest':
        return void (editor.conflict && editor.reloadLatest());
      case 'nextRecord':
        return void nav.nextRecord();
      case 'prevRecord':
        return void nav.prevRecord();
      case 'newRecord':
        return void nav.newRecord();
      case 'nextPage':
        return nav.turnPage(1);
      case 'prevPage':
        return nav.turnPage(-1);
      case 'jump':
        return openPick();
      case 'copyForward':
        return void nav.copyForward();
      case 'toggleFlag':
        return focus.focused ? toggleFlag(focus.focused) : setNotice('Hãy đứng ở một trường rồi bấm Alt+U.');
      case 'zoomIn':
        return v?.zoom(1.25);
      case 'zoomOut':
        return v?.zoom(0.8);
      case 'fitWidth':
        return v?.fitWidth();
      case 'fitPage':
        return v?.fitPage();
      case 'rotate':
        return v?.rotate();
      case 'panUp':
        return v?.pan(-0.25);
      case 'panDown':
        return v?.pan(0.25);
    }
  };
  useShortcuts(run, !picking && !completion.warnings);

  const page = nav.pages[nav.pageIndex];
  const region = useMemo(() => data.record.regions.find((r) => r.pageId === page?.id), [data.record.regions, page?.id]);
  const focusedMachine = focus.focused ? machine.fields[focus.focused] : undefined;
  const highlight = focusedMachine && draft.values[focus.focused!] === focusedMachine.value ? focusedMachine.box : undefined;
  const nameKey = fields.find((f) => f.key.endsWith('HoTen'))?.key;
  const known = new Set(fields.map((f) => f.key));
  const general = findings.filter((f) => !known.has(f.path));
  return (
    <div className="keying">
      <TopBar
        book={data.book}
        record={draft.base}
        position={data.offset + nav.position}
        total={data.total}
        name={nameKey ? (draft.values[nameKey] ?? '') : ''}
        saveState={editor.saveState}
        onReopen={readOnly ? undefined : () => void completion.reopen()}
      />
      <div className="keying-body">
        <ImageViewer pageId={page?.id} pageLabel={page ? `Trang ${page.seq}/${nav.pages.length}` : 'Chưa có ảnh'} region={region} controlsRef={viewer} highlight={highlight} />
        <section className="form-panel" aria-label="Bản ghi">
          {editor.draftOffer && <DraftOffer offer={editor.draftOffer} onRestore={editor.restoreDraft} onDiscard={editor.discardDraft} />}
          {editor.conflict && <ConflictBanner conflict={editor.conflict} myId={userId} mine={draft.values} saved={draft.base.values} labelOf={labelOf} onReload={() => void editor.reloadLatest()} />}
          {completion.warnings && (
            <WarningsDialog
              warnings={completion.warnings}
              labelOf={labelOf}
              busy={completion.busy}
              onConfirm={(codes) => void completion.acknowledgeAndComplete(codes)}
              onCancel={() => closeWarnings()}
            />
          )}
          {readOnly && (
            <p className="notice" data-testid="read-only">
              Chế độ chỉ xem: bạn không có quyền nhập liệu.
            </p>
          )}
          {notice && (
            <p className="notice" role="status">
              {notice}
            </p>
          )}
          {general.length > 0 && (
            <ul className="findings general">
              {general.map((f) => (
                <li key={f.path + f.code} className={f.severity.toLowerCase()}>
                  {f.message}
                </li>
              ))}
            </ul>
          )}
          <fieldset disabled={readOnly} className="plain">
            <RecordForm
              form={form}
              values={draft.values}
              flags={draft.flags}
              findings={findings}
              showAllFindings={showAll}
              focus={focus}
              onChange={editor.setValue}
              onLeave={editor.saveSoon}
              onToggleFlag={toggleFlag}
              aids={aids}
              machine={machine.fields}
            />
          </fieldset>
        </section>
      </div>
      <ShortcutHelp items={SHORTCUT_HELP} />
      {picking && <QuickPick form={form} onPick={(key) => closePick(key)} onClose={() => closePick()} />}
    </div>
  );
}
