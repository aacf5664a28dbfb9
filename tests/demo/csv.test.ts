import { expect } from '@open-wc/testing';
import { csvBlob, csvCell, csvFileName, toCsv } from '../../demo/csv.js';
import { describe, it } from '../core/mocha.js';

/** A strict RFC 4180 reader, so tests check what a spreadsheet would read back, not our own string. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else if (c === '\r' || c === '\n' || c === '"') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    else cell += c;
  }
  if (cell !== '' || row.length) throw new Error('last record not terminated by CRLF');
  return rows;
}

describe('demo CSV export', () => {
  it('starts with a UTF-8 BOM and ends every record, the last included, with CRLF', () => {
    const csv = toCsv(['受信日時', '顧客の声'], [['2026-11-21 14:03', 'とても使いやすい'], ['2026-11-20 09:00', '高い']]);
    expect(csv.startsWith('\uFEFF受信日時,顧客の声\r\n')).to.equal(true);
    expect(csv.endsWith('\r\n')).to.equal(true);
    expect(csv.slice(1).split('\r\n')).to.deep.equal(['受信日時,顧客の声', '2026-11-21 14:03,とても使いやすい', '2026-11-20 09:00,高い', '']);
    expect(csv.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
  });

  it('the Blob holds the BOM as the bytes EF BB BF followed by UTF-8 Japanese', async () => {
    const blob = csvBlob(toCsv(['顧客の声'], [['事例候補']]));
    expect(blob.type).to.equal('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.slice(3))).to.equal('顧客の声\r\n事例候補\r\n');
  });

  it('quotes commas, double quotes and line breaks as RFC 4180 says, and reads back unchanged', () => {
    const voice = '「価格が、他社より\r\n3割高い」と\n言われました "本音"';
    const csv = toCsv(['a', 'b', 'c'], [[voice, 'plain', 'x,y']]);
    expect(csv).to.contain('"「価格が、他社より\r\n3割高い」と\n言われました ""本音"""');
    expect(csv).to.contain(',plain,"x,y"\r\n');
    expect(parseCsv(csv.slice(1))).to.deep.equal([['a', 'b', 'c'], [voice, 'plain', 'x,y']]);
  });

  it('neutralises cells that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","請求書")')).to.equal(`"'=HYPERLINK(""http://evil.example"",""請求書"")"`);
    expect(csvCell('+81-3-1234-5678')).to.equal("'+81-3-1234-5678");
    expect(csvCell('-2+3')).to.equal("'-2+3");
    expect(csvCell('@SUM(A1:A9)')).to.equal("'@SUM(A1:A9)");
    expect(csvCell('\t=1+1')).to.equal("'\t=1+1");
    expect(csvCell('\r=1+1')).to.equal(`"'\r=1+1"`);
    const rows = parseCsv(toCsv(['v'], [['=cmd|"/C calc"!A0']]).slice(1));
    expect(rows[1]![0]).to.equal(`'=cmd|"/C calc"!A0`);
  });

  it('leaves ordinary text, numbers and empty values as they are', () => {
    expect(csvCell('問い合わせ基盤の刷新')).to.equal('問い合わせ基盤の刷新');
    expect(csvCell('C-000123')).to.equal('C-000123');
    expect(csvCell('a=b')).to.equal('a=b');
    expect(csvCell(12800000)).to.equal('12800000');
    expect(csvCell(-5)).to.equal('-5');
    expect(csvCell(Number.NaN)).to.equal('');
    expect(csvCell(undefined)).to.equal('');
    expect(csvCell(null)).to.equal('');
    expect(csvCell(true)).to.equal('true');
  });

  it('names the file purpose_target_YYYYMMDD.csv from the local date', () => {
    expect(csvFileName('顧客の声', '事例候補', new Date(2026, 10, 21, 23, 59))).to.equal('顧客の声_事例候補_20261121.csv');
    expect(csvFileName('顧客の声', 'すべて', new Date(2026, 0, 5))).to.equal('顧客の声_すべて_20260105.csv');
  });

  it('keeps the file name safe on Windows and macOS and the three parts separable', () => {
    expect(csvFileName('顧客の声', '好回答（スニペット）', new Date(2026, 10, 21))).to.equal('顧客の声_好回答（スニペット）_20261121.csv');
    expect(csvFileName('顧客の声', 'a/b:c*?"<>|_d', new Date(2026, 10, 21))).to.equal('顧客の声_abc-d_20261121.csv');
    expect(csvFileName('Customer voices', 'Case-study candidate', new Date(2026, 10, 21))).to.equal('Customer-voices_Case-study-candidate_20261121.csv');
    expect(csvFileName('顧客の声', '', new Date(2026, 10, 21))).to.equal('顧客の声_-_20261121.csv');
  });
});
