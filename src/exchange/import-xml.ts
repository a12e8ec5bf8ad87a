/**
 * Streaming XML for the import: a part of the xlsx is fed chunk by chunk to
 * saxes (the SAX parser exceljs itself uses), so a sheet is never held whole
 * in memory; the handler may stop early (the rest of the part is not even
 * inflated). Element names lose their namespace prefix (x:row → row).
 * Text follows OOXML: _xHHHH_ escapes are decoded.
 */
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { Invalid } from '../core/index.js';

export interface XmlHandlers {
  open?(name: string, attrs: Readonly<Record<string, string>>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

export interface XmlControl {
  /** Stop reading: the stream is destroyed, the parse resolves. */
  stop(): void;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

export const decodeOoxmlEscapes = (s: string): string => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

function badXml(part: string, e: unknown): Invalid {
  const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
  return new Invalid('import.bad_xml', `Phần "${part}" của tệp .xlsx bị hỏng (XML không hợp lệ: ${detail}).`, 'file');
}

function parserFor(h: XmlHandlers): { parser: SaxesParser; failure: () => unknown } {
  const parser = new SaxesParser();
  let failure: unknown;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag: SaxesTagPlain) => h.open?.(local(tag.name), tag.attributes, tag.isSelfClosing));
  parser.on('closetag', (tag: SaxesTagPlain) => h.close?.(local(tag.name)));
  if (h.text) {
    const onText = h.text;
    parser.on('text', (t) => onText(t));
    parser.on('cdata', (t) => onText(t));
  }
  return { parser, failure: () => failure };
}

/** Parses `stream` (one part of the zip) with `handlers(control)`; an error inside a handler rejects. */
export async function parseXmlStream(part: string, stream: Readable, handlers: (control: XmlControl) => XmlHandlers): Promise<void> {
  let stopped = false;
  const { parser, failure } = parserFor(handlers({ stop: () => (stopped = true) }));
  stream.setEncoding('utf8');
  try {
    for await (const chunk of stream) {
      parser.write(chunk as string);
      if (failure() !== undefined) throw badXml(part, failure());
      if (stopped) break;
    }
    if (!stopped) parser.close();
    if (failure() !== undefined) throw badXml(part, failure());
  } finally {
    stream.destroy();
  }
}

/** Collects the text inside the named elements while `active()` holds. */
export class TextCapture {
  #parts: string[] | undefined;
  #length = 0;
  constructor(private readonly maxChars = 32_767 * 4) {}
  start(): void {
    this.#parts = [];
    this.#length = 0;
  }
  get active(): boolean {
    return this.#parts !== undefined;
  }
  add(t: string): void {
    if (!this.#parts || this.#length > this.maxChars) return;
    this.#parts.push(t);
    this.#length += t.length;
  }
  end(): string {
    const s = (this.#parts ?? []).join('');
    this.#parts = undefined;
    return decodeOoxmlEscapes(s).slice(0, this.maxChars);
  }
}
