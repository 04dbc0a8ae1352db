/**
 * Character folding shared by the identity checks: people type numbers with full-width digits
 * and letters (１２３ＡＢＣ), the ideographic space and assorted dashes.
 */

const FULL_WIDTH_FIRST = 0xff01; // ！
const FULL_WIDTH_LAST = 0xff5e; // ～
const FULL_WIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

/** Full-width ASCII forms (U+FF01–FF5E) and the ideographic space folded to ASCII. */
export function foldFullWidth(raw: string): string {
  let needsFolding = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= IDEOGRAPHIC_SPACE) {
      needsFolding = true;
      break;
    }
  }
  if (!needsFolding) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST) out += String.fromCharCode(c - FULL_WIDTH_OFFSET);
    else if (c === IDEOGRAPHIC_SPACE) out += ' ';
    else out += raw[i];
  }
  return out;
}

const INVISIBLE_OR_SPACE = /[\s\u200b-\u200d\u2060\ufeff]+/g;
const ALREADY_NORMAL = /^[0-9A-Z]*$/;

/**
 * INTERCHANGE §4: an ID number is keyed upper-case with no spaces. Full-width characters are
 * folded first, so ＡＢＣ１２３ and abc 123 are the same number.
 */
export function normalizeIdNo(raw: string): string {
  if (ALREADY_NORMAL.test(raw)) return raw;
  return foldFullWidth(raw).replace(INVISIBLE_OR_SPACE, '').toUpperCase();
}
