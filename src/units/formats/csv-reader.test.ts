/** Delimited text: separator detection, RFC 4180 quoting, line numbers, cut files. */
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv, readCsv } from './csv-reader.js';
import { UnitFileError } from './unit-file-error.js';

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3', ','],
    ['a;b;c\n1;2;3', ';'],
    ['a\tb\tc\n1\t2\t3', '\t'],
    ['\n\n"x;y",b,c', ','],
    ['only', ','],
  ])('%j -> %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe('parseCsv', () => {
  it('reads RFC 4180 quotes: embedded separators, line breaks and doubled quotes', () => {
    const rows = parseCsv('a,b\n"x, y","line 1\nline 2"\n"say ""hi""",\n', ',', 'f.csv');
    expect(rows).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: ['x, y', 'line 1\nline 2'], line: 2 },
      { cells: ['say "hi"', ''], line: 4 },
    ]);
  });
  it('handles CRLF, CR and a last line without a newline', () => {
    expect(parseCsv('a;b\r\n1;2\r3;4', ';', 'f.csv').map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });
  it('keeps a quote in the middle of a field as a character', () => {
    expect(parseCsv('ab"c,d', ',', 'f.csv')[0]?.cells).toEqual(['ab"c', 'd']);
  });
  it('refuses a quote left open, naming the file and the row where it opened', () => {
    try {
      parseCsv('a,b\n1,2\n3,"unfinished\nmore', ',', 'cut.csv');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UnitFileError);
      expect(e).toMatchObject({ code: 'units.file_truncated', row: 3 });
      expect((e as Error).message).toContain('Tệp "cut.csv", dòng 3');
    }
  });
  it("follows Excel's sep= hint, keeping line numbers", () => {
    expect(readCsv('sep=;\na,b;c\n1;2', 'f.csv')).toEqual([
      { cells: ['a,b', 'c'], line: 2 },
      { cells: ['1', '2'], line: 3 },
    ]);
  });
  it('drops the BOM before detection', () => {
    expect(readCsv('\uFEFFMã;Tên\n1;A', 'f.csv')[0]?.cells).toEqual(['Mã', 'Tên']);
  });
});
