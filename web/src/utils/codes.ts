import { CODES } from '../../../src/shared/codes.js';

/** A gate code's name in one language (src/shared/codes.ts), or the code when unknown. */
export function codeName(code: string, lang: 'zh' | 'en'): string {
  const info = (CODES as Record<string, { zh: string; en: string }>)[code];
  return info ? `${info[lang]}` : code;
}
