import type { GateIssue } from '../services/types';

/**
 * A gate issue in one language. The gate writes `message` as `中文 (English)` (src/shared/codes.ts
 * `issue`); newer answers may carry `zh` and `en` apart.
 */
export function issueText(issue: GateIssue, lang: 'zh' | 'en'): string {
  if (issue.zh && issue.en) return lang === 'zh' ? issue.zh : issue.en;
  const message = issue.message ?? issue.code;
  const split = /^(.*?\S)\s+\((.*)\)$/s.exec(message);
  if (!split) return message;
  return lang === 'zh' ? (split[1] ?? message) : (split[2] ?? message);
}
