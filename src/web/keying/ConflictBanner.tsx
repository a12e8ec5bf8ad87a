/**
 * Someone saved this record after the version the keyer opened: nothing of
 * the keyer's was written. The banner lists what changed, with the current
 * value and the keyer's own unsaved value, and offers the latest version
 * (the keyer's edits on the other fields are kept and saved on top of it).
 */
import type { ConflictDetails, Values } from './keying.api.js';
import { FLAG_LABELS } from './keying.api.js';

interface Props {
  conflict: ConflictDetails;
  myId: string | undefined;
  /** The keyer's values now, and as last saved. */
  mine: Values;
  saved: Values;
  labelOf(key: string): string;
  onReload(): void;
}

const who = (ids: readonly (string | null)[], myId: string | undefined) => (ids.every((id) => id !== null && id === myId) ? 'chính bạn (ở cửa sổ khác)' : 'người khác');

const shown = (v: string | null | undefined) => (v ? `“${v}”` : '(trống)');

export function ConflictBanner({ conflict, myId, mine, saved, labelOf, onReload }: Props) {
  return (
    <div className="conflict-banner" role="alert">
      <p>
        <b>Bản ghi đã được sửa ở nơi khác</b> (bạn đang có phiên bản {conflict.expectedVersion}, hiện tại là {conflict.currentVersion}). Thay đổi của bạn <b>chưa được lưu</b> để không ghi đè lên người
        khác.
      </p>
      {conflict.fields.length + conflict.flags.length > 0 && (
        <ul>
          {conflict.fields.map((f) => (
            <li key={f.key}>
              {labelOf(f.key)}: giá trị mới {shown(f.value)} do {who(f.changedBy, myId)} lưu
              {(mine[f.key] ?? '') === (saved[f.key] ?? '') ? ` (bản của bạn: ${shown(mine[f.key])})` : `; bạn vừa gõ ${shown(mine[f.key])}, chưa lưu`}
            </li>
          ))}
          {conflict.flags.map((f) => (
            <li key={`flag-${f.key}`}>
              {labelOf(f.key)}: đánh dấu {f.flag ? FLAG_LABELS[f.flag.kind] : 'đã bỏ'} do {who(f.changedBy, myId)}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={onReload}>
        Tải lại bản mới nhất
      </button>{' '}
      <kbd>Alt+L</kbd>
      <span className="hint"> Các trường trên lấy giá trị mới; những gì bạn gõ ở trường khác được giữ lại và lưu tiếp.</span>
    </div>
  );
}
