import type { GateOutcome } from './gate.js';

/**
 * A submission made ready for storage: gated, sealed and indexed. Built off the main thread
 * (worker pool) on big imports, so it holds only plain data and Buffers. Blind indexes travel as
 * decimal text: they are signed 64-bit integers, beyond a JS number's exact range.
 */
export interface PreparedCustomer {
  idType: string;
  idBidx: string;
  /** Keyed digest of what this policy says about the person. */
  dataDigest: string;
}

export interface PreparedContact {
  kind: 'phone' | 'address' | 'account';
  bidx: string;
}

export interface PreparedParty {
  /** `payer`: the premium account, stored as a contact only. */
  role: 'applicant' | 'insured' | 'beneficiary' | 'payer';
  seq: number;
  relation: string | null;
  sharePct: number | null;
  customer: PreparedCustomer | null;
  contacts: PreparedContact[];
}

export interface PreparedApplication {
  channel: string | null;
  agentCode: string | null;
  agencyCode: string | null;
  branchCode: string | null;
  productCode: string | null;
  productType: string | null;
  termMonths: number | null;
  appliedAt: string | null;
  appliedOn: string | null;
  receiptSignedAt: string | null;
}

export interface PreparedSubmission {
  lineNo: number | null;
  outcome: GateOutcome;
  contentDigest: string;
  /** The record as submitted, sealed whole: the only place its personal values are kept. */
  sealedRecord: Uint8Array;
  application: PreparedApplication;
  /** Empty when rejected: only accepted data joins the book. */
  parties: PreparedParty[];
}

/** A line that could not be read as a record at all. */
export interface MalformedLine {
  lineNo: number;
  reason: { zh: string; en: string };
}
