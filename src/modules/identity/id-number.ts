/**
 * Identity document numbers (P5.6: ID numbers follow the coding rules). One entry point per
 * number; the document-specific rules live in resident-id, hmt-permit,
 * foreign-permanent-resident and travel-documents.
 */
import type { IdType } from '../../shared/contract.js';
import { assertIsoDate } from './dates.js';
import { checkForeignPermanentResident } from './foreign-permanent-resident.js';
import { checkHmtResidencePermit } from './hmt-permit.js';
import type { IdCheckContext, IdFindings } from './id-findings.js';
import { checkResidentId, upgradeLegacyNumber } from './resident-id.js';
import { normalizeIdNo } from './text.js';
import { checkByForm, isFormOnlyIdType } from './travel-documents.js';

export type { RegionInfo } from './regions.js';
export { normalizeIdNo } from './text.js';

export interface IdNumberCheck extends IdFindings {
  idType: IdType;
  input: string;
  /** Upper-case, all whitespace removed, full-width characters folded to ASCII. */
  normalized: string;
}

export function checkIdNumber(idType: IdType, raw: string, opts: { today: string; path?: string }): IdNumberCheck {
  assertIsoDate(opts.today);
  const normalized = normalizeIdNo(raw);
  const context: IdCheckContext = { today: opts.today, path: opts.path ?? 'idNo' };
  return { idType, input: raw, normalized, ...findingsFor(idType, normalized, context) };
}

function findingsFor(idType: IdType, normalized: string, context: IdCheckContext): IdFindings {
  switch (idType) {
    case 'RESIDENT_ID':
      return checkResidentId(normalized, context);
    case 'HMT_RESIDENCE_PERMIT':
      return checkHmtResidencePermit(normalized, context);
    case 'FOREIGN_PERMANENT_RESIDENT':
      return checkForeignPermanentResident(normalized, context);
    default:
      if (isFormOnlyIdType(idType)) return checkByForm(idType, normalized, context);
      throw new TypeError(`unknown idType ${String(idType)}`);
  }
}

/**
 * The number a person is keyed and matched by (INTERCHANGE §4): normalised, and a 15-digit
 * first-generation resident ID upgraded to its 18-digit form, so old and new cards match.
 */
export function matchingIdNo(idType: IdType, raw: string): string {
  const normalized = normalizeIdNo(raw);
  return (idType === 'RESIDENT_ID' ? upgradeLegacyNumber(normalized) : undefined) ?? normalized;
}
