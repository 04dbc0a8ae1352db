import { describe, expect, it } from 'vitest';
import { csvLine } from './holds-csv.js';

describe('CSV lines for the commission system', () => {
  it('quotes what needs it and defuses spreadsheet formulas', () => {
    expect(csvLine(['P1', null, 3])).toBe('P1,,3\r\n');
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines'])).toBe('"a,b","say ""hi""","two\nlines"\r\n');
    expect(csvLine(['=cmd()', '+1', '@x'])).toBe("'=cmd(),'+1,'@x\r\n");
  });
});
