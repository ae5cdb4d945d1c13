import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { splitCsv } from './split-csv';

const viaCsvParse = (text: string, delimiter: string) =>
  (
    parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>
  ).map((r) => ({ line: r.info.lines, cells: r.record }));

describe('splitCsv', () => {
  it('reads well-formed files exactly as csv-parse does, line numbers included', () => {
    const files = [
      'a,b\n1,"x\ny"\n\n2,z\n3,"q""r",\n4',
      'a;b\r\n1;"x;y"\r\n\r\n2;\r\n',
      'a\tb\n"x"\t""\n  \n',
      'a,b\n1,2',
    ];
    for (const text of files) {
      const delimiter = text.includes('\t') ? '\t' : text.includes(';') ? ';' : ',';
      expect(splitCsv(text, delimiter)).toEqual(viaCsvParse(text, delimiter));
    }
  });

  it('leaves irregular files to csv-parse', () => {
    expect(splitCsv('a,b\n1,ab"c\n', ',')).toBeNull();
    expect(splitCsv('a,b\n1,"ab"c\n', ',')).toBeNull();
    expect(splitCsv('a,b\n1,"open\n', ',')).toBeNull();
    expect(splitCsv('a,b\r1,2\r', ',')).toBeNull();
    expect(splitCsv('a,b\r\n1,"x\r\ny"\r\n', ',')).toBeNull();
  });

  it('agrees with csv-parse on random input whenever it answers', () => {
    const alphabet = ['a', ',', ';', '"', '\n', '\r\n', '\r', ' ', '""', 'é'];
    let answered = 0;
    for (let k = 0; k < 3000; k++) {
      let text = k % 2 ? 'h1,h2\n' : 'h1,h2\r\n';
      for (let i = (k * 7) % 13; i > 0; i--) text += alphabet[(k * 31 + i * 17 + i * i) % alphabet.length];
      const fast = splitCsv(text, ',');
      if (fast === null) continue;
      answered++;
      expect(fast, JSON.stringify(text)).toEqual(viaCsvParse(text, ','));
    }
    expect(answered).toBeGreaterThan(100);
  });
});
