/**
 * Masked forms of personal values (P5.21: screens show personal financial information masked by
 * default; the plain value only on a reveal with a stated reason). Pure, for the server and the
 * web console alike. One `*` per hidden character, except addresses, whose length is not shown.
 */

const MASK = '*';
/** Never show a value with fewer than this many characters hidden. */
const MIN_HIDDEN = 4;
const SEPARATORS = /[\s\-\u2010-\u2015\u2212().]/g;
const HAN = /\p{Script=Han}/u;

/**
 * Keeps `start` leading and `end` trailing characters and hides the rest; a value too short to
 * hide at least four characters keeps proportionally less, and one of four or fewer is all hidden.
 */
export function maskMiddle(value: string, start: number, end: number): string {
  const chars = Array.from(value);
  const n = chars.length;
  let keepStart = start;
  let keepEnd = end;
  if (n - (start + end) < MIN_HIDDEN) {
    const keep = Math.max(0, n - MIN_HIDDEN);
    keepStart = Math.floor((keep * start) / Math.max(1, start + end));
    keepEnd = keep - keepStart;
  }
  const head = chars.slice(0, keepStart).join('');
  const tail = keepEnd > 0 ? chars.slice(n - keepEnd).join('') : '';
  return head + MASK.repeat(n - keepStart - keepEnd) + tail;
}

/** 110101********123X: the region code and the last four. */
export function maskIdNo(idNo: string): string {
  return maskMiddle(idNo.replace(SEPARATORS, '').toUpperCase(), 6, 4);
}

/**
 * 138****8000: the first three and last four digits of the national number. A mainland number
 * written with +86 or 0086 (E.164 included) loses its country code; another country keeps its `+`.
 */
export function maskPhone(phone: string): string {
  const compact = phone.replace(SEPARATORS, '').replace(/^\uff0b/, '+');
  if (!/^\+?\d+$/.test(compact)) return maskMiddle(phone.trim(), 3, 4);
  const mainland = /^(?:\+86|0086)(\d+)$/.exec(compact);
  if (mainland?.[1]) return maskMiddle(mainland[1], 3, 4);
  if (compact.startsWith('+')) return `+${maskMiddle(compact.slice(1), 3, 4)}`;
  return maskMiddle(compact, 3, 4);
}

/** 622202*********0128: the bank's BIN and the last four digits. */
export function maskAccountNo(accountNo: string): string {
  return maskMiddle(accountNo.replace(SEPARATORS, ''), 6, 4);
}

/**
 * Chinese names keep their first character (张*, 欧阳娜娜 → 欧***), the middle dot of minority
 * names kept; Latin names keep the first letter of each word (John Smith → J*** S****).
 */
export function maskName(name: string): string {
  const trimmed = name.trim();
  const chars = Array.from(trimmed);
  if (chars.length <= 1) return MASK.repeat(chars.length);
  if (HAN.test(trimmed)) {
    return chars.map((c, i) => (i === 0 || c === '·' || c === '•' ? c : MASK)).join('');
  }
  return trimmed
    .split(/(\s+)/)
    .map((word) =>
      /^\s+$/.test(word)
        ? word
        : Array.from(word)
            .map((c, i) => (i === 0 ? c : MASK))
            .join(''),
    )
    .join('');
}

/** 北京市东城区****: the province and city prefix (six characters), then a fixed mask. */
export function maskAddress(address: string): string {
  const chars = Array.from(address.trim());
  if (chars.length === 0) return '';
  const keep = chars.length > 6 ? 6 : Math.floor(chars.length / 2);
  return `${chars.slice(0, keep).join('')}${MASK.repeat(4)}`;
}

/** 1980-01-**: the year and month, not the day. */
export function maskBirthDate(birthDate: string): string {
  const match = /^(\d{4}-\d{2})-\d{2}$/.exec(birthDate.trim());
  return match ? `${match[1]}-**` : '****-**-**';
}

/** Seven or more digits, with the separators people type inside numbers (138 0013 8000, 6222-0212…). */
const LONG_NUMBER = /\d(?:[\s-]?\d){6,}[\dXx]?/g;

/**
 * Free text staff wrote (a call note, a reason): any number long enough to be a phone, an ID or an
 * account is masked like one — first 3 and last 4 kept — however it got there (P5.21).
 */
export function maskNumbersInText(text: string): string {
  return text.replace(LONG_NUMBER, (found) => maskMiddle(found.replace(/[\s-]/g, ''), 3, 4));
}
