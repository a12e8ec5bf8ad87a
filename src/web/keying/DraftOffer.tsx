/**
 * "Khôi phục bản nháp chưa lưu?": this browser kept edits of this record that
 * never reached the server (the tab was closed, the machine crashed, the
 * connection dropped). Restoring puts them back into the form (saved like
 * any keyed change); discarding forgets them. When the record was saved
 * again after those edits were typed, the banner says so: restoring
 * overwrites those fields with the draft's values.
 */
import type { DraftOffer as Offer } from './useLocalDraft.js';
import './draft-offer.css';

const when = (iso: string) => {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())} ngày ${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()}`;
};

export function DraftOffer({ offer, onRestore, onDiscard }: { offer: Offer; onRestore(): void; onDiscard(): void }) {
  return (
    <div className="draft-offer" role="alert" data-testid="draft-offer">
      <p>
        <b>Khôi phục bản nháp chưa lưu?</b> Trình duyệt này còn giữ {offer.fields} trường bạn đã nhập lúc {when(offer.savedAt)} nhưng chưa được lưu lên máy chủ.
        {offer.newerOnServer && ' Bản ghi đã được lưu lại sau đó: khôi phục sẽ ghi đè các trường này bằng giá trị trong bản nháp.'}
      </p>
      <button type="button" onClick={onRestore}>
        Khôi phục
      </button>{' '}
      <button type="button" onClick={onDiscard}>
        Bỏ bản nháp
      </button>
    </div>
  );
}
