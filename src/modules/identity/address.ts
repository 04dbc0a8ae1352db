/**
 * Addresses compared for linkage (P5.11 AGENT_CONTACT): full-width characters folded (NFKC),
 * spaces and punctuation removed, Latin letters upper-cased. “广州市天河区 体育西路１号”
 * and “广州市天河区体育西路1号” are the same address.
 */
export function normalizeAddress(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toUpperCase();
}
