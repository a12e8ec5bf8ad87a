/**
 * A file input that speaks Vietnamese whatever the browser's language: the
 * browser's own button ("Choose File" / "No file chosen" on an English
 * system) is visually hidden but stays the real, focusable input (Tab, then
 * Space or Enter opens the dialog; tests can set files on it); a button
 * "Chọn tệp…" shows instead, and next to it the chosen file names or "Chưa
 * chọn tệp". A form reset clears the names too.
 */
import { useEffect, useRef, useState, type ChangeEvent } from 'react';

export interface FilePickerProps {
  /** What the file is for: the visible label and the input's accessible name. */
  label: string;
  name?: string;
  accept?: string;
  multiple?: boolean;
  buttonText?: string;
  onChange?(e: ChangeEvent<HTMLInputElement>): void;
}

export function FilePicker({ label, name, accept, multiple = false, buttonText = 'Chọn tệp…', onChange }: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    const form = input.current?.form;
    const clear = () => setNames([]);
    form?.addEventListener('reset', clear);
    return () => form?.removeEventListener('reset', clear);
  }, []);
  const changed = (e: ChangeEvent<HTMLInputElement>) => {
    setNames([...(e.target.files ?? [])].map((f) => f.name));
    onChange?.(e);
  };
  return (
    <span className="file-picker">
      <span>{label}</span>
      <span className="file-picker-row">
        <label className="file-button">
          {buttonText}
          <input ref={input} type="file" name={name} accept={accept} multiple={multiple} aria-label={label} onChange={changed} />
        </label>
        <span className="file-picker-names" data-testid="file-picker-names">
          {names.length > 0 ? names.join(', ') : 'Chưa chọn tệp'}
        </span>
      </span>
    </span>
  );
}
