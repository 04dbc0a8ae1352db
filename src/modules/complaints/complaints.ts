import { type Issue, issue } from '../../shared/codes.js';
import { COMPLAINT_KINDS } from '../../shared/contract.js';
import { type LooseRecord, textField } from '../../shared/loose-fields.js';
import { isRealDate } from '../intake/china-time.js';

/**
 * Reading the complaints register (INTERCHANGE §2a) and the window of the two-in-a-year rule
 * (P5.14): a seller with two or more verified misleading-sales complaints within one year has all
 * their policies' customer data re-checked.
 */

/** `misleading_sales` (销售误导) | `service` | `claims` | `other`: only the first counts for P5.14. */
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

/** A complaint as stored: the contract's fields, trimmed, `verified` a boolean. */
export interface Complaint {
  complaintNo: string;
  agentCode: string;
  policyNo: string | null;
  receivedOn: string;
  kind: ComplaintKind;
  verified: boolean;
  verifiedOn: string | null;
  /** Free text that may name people: only ever stored sealed. */
  summary: string | null;
}

/** What `checkComplaint` read, with every defect found. */
export interface CheckedComplaint {
  /** Read even when the record is rejected, to report which complaint a line was. */
  complaintNo: string | undefined;
  /** The normalised complaint, present only when there are no errors. */
  complaint: Complaint | undefined;
  errors: Issue[];
  warnings: Issue[];
}

function isKind(value: string): value is ComplaintKind {
  return (COMPLAINT_KINDS as readonly string[]).includes(value);
}

/** `true`/`false`, or the same words as CSV cells carry them; absent means not (yet) verified. */
function readVerified(value: unknown): boolean | undefined {
  if (value === undefined || value === null || value === '') return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (word === 'true') return true;
    if (word === 'false') return false;
  }
  return undefined;
}

const DATE_FORM = { zh: '应为真实日期 YYYY-MM-DD', en: 'must be a real date YYYY-MM-DD' };

/** Checks one complaint record, collecting every defect. Messages never repeat the values sent. */
export function checkComplaint(raw: LooseRecord): CheckedComplaint {
  const errors: Issue[] = [];
  const complaintNo = textField(raw, 'complaintNo');
  const agentCode = textField(raw, 'agentCode');
  const receivedOn = textField(raw, 'receivedOn');
  const kindText = textField(raw, 'kind');
  const verifiedOn = textField(raw, 'verifiedOn') ?? null;
  if (!complaintNo) errors.push(issue('MISSING_FIELD', 'complaintNo'));
  if (!agentCode) errors.push(issue('MISSING_FIELD', 'agentCode'));

  if (!receivedOn) errors.push(issue('MISSING_FIELD', 'receivedOn'));
  else if (!isRealDate(receivedOn)) errors.push(issue('FIELD_INVALID', 'receivedOn', DATE_FORM));

  let kind: ComplaintKind | undefined;
  if (!kindText) errors.push(issue('MISSING_FIELD', 'kind'));
  else if (isKind(kindText)) kind = kindText;
  else {
    errors.push(
      issue('FIELD_INVALID', 'kind', {
        zh: `应为 ${COMPLAINT_KINDS.join('、')} 之一`,
        en: `must be one of ${COMPLAINT_KINDS.join(', ')}`,
      }),
    );
  }

  const verified = readVerified(raw.verified);
  if (verified === undefined) {
    errors.push(issue('FIELD_INVALID', 'verified', { zh: '应为 true 或 false', en: 'must be true or false' }));
  }

  if (verifiedOn !== null && !isRealDate(verifiedOn)) errors.push(issue('FIELD_INVALID', 'verifiedOn', DATE_FORM));
  else if (verifiedOn !== null && receivedOn && isRealDate(receivedOn) && verifiedOn < receivedOn) {
    errors.push(
      issue('FIELD_INVALID', 'verifiedOn', {
        zh: '核实日期早于收到日期',
        en: 'the complaint is verified before it was received',
      }),
    );
  } else if (verified === true && verifiedOn === null) {
    // P5.14 dates the two-in-a-year rule by the verification: a verified complaint needs its day.
    errors.push(
      issue('FIELD_INVALID', 'verifiedOn', {
        zh: '已核实的投诉须填写核实日期',
        en: 'a verified complaint needs the date it was verified',
      }),
    );
  } else if (verified === false && verifiedOn !== null) {
    errors.push(
      issue('FIELD_INVALID', 'verifiedOn', {
        zh: '未核实的投诉不应有核实日期',
        en: 'a complaint that is not verified has no verification date',
      }),
    );
  }

  const complaint =
    errors.length === 0 && complaintNo && agentCode && receivedOn && kind && verified !== undefined
      ? {
          complaintNo,
          agentCode,
          policyNo: textField(raw, 'policyNo') ?? null,
          receivedOn,
          kind,
          verified,
          verifiedOn,
          summary: textField(raw, 'summary') ?? null,
        }
      : undefined;
  return { complaintNo, complaint, errors, warnings: [] };
}

/** The window of P5.14 ending on `asOf`: verifications on days after `after`, up to `through`. */
export interface RecheckWindow {
  /** Exclusive: the same calendar day one year before `asOf` (29 February falls back to the 28th). */
  after: string;
  /** Inclusive: `asOf` itself. */
  through: string;
}

/**
 * "Within one year" (P5.14) as of a day: the twelve months ending on `asOf`, that is
 * (asOf − 1 year, asOf]. A complaint verified exactly one year before `asOf` no longer counts.
 * As of 2028-02-29 the window starts after 2027-02-28 (twelve whole months, March to February).
 * `asOf` must be a real date YYYY-MM-DD (the caller checks it).
 */
export function recheckWindow(asOf: string): RecheckWindow {
  const year = Number(asOf.slice(0, 4)) - 1;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDay = asOf.slice(5) === '02-29' && !leap ? '02-28' : asOf.slice(5);
  return { after: `${String(year).padStart(4, '0')}-${monthDay}`, through: asOf };
}
