import { type Issue, issue } from '../../shared/codes.js';
import { AGENT_KINDS, type AgentKind, ID_TYPES, type IdType } from '../../shared/contract.js';
import { type LooseRecord, textField } from '../../shared/loose-fields.js';
import { normalizeAddress } from '../identity/address.js';
import { matchingIdNo } from '../identity/id-number.js';
import { checkPhone } from '../identity/phone.js';
import { isRealDate } from '../intake/china-time.js';

/**
 * Reading the agent register (INTERCHANGE §2): who may sell (P5.10) and which contacts are the
 * seller's own or their relatives' (P5.11).
 */
export interface AgentContactValue {
  owner: 'self' | 'relative';
  kind: 'phone' | 'address';
  /** E.164 phone or normalised address: input to a blind index, never stored as is. */
  value: string;
}

export interface CheckedAgent {
  agentCode: string | undefined;
  /** The seller's own identity, keyed as a customer's is (INTERCHANGE §4). */
  idKey: { idType: IdType; idNo: string } | null;
  kind: AgentKind | undefined;
  agencyKind: string | null;
  branchCode: string | null;
  qualifiedOn: string | null;
  contacts: AgentContactValue[];
  errors: Issue[];
  warnings: Issue[];
}

function list(o: LooseRecord, key: string): string[] {
  const v = o[key];
  if (typeof v === 'string') return v.trim() ? [v.trim()] : [];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
}

export function checkAgent(raw: LooseRecord): CheckedAgent {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const agentCode = textField(raw, 'agentCode');
  const kindText = textField(raw, 'kind');
  const name = textField(raw, 'name');
  if (!agentCode) errors.push(issue('MISSING_FIELD', 'agentCode'));
  if (!name) errors.push(issue('MISSING_FIELD', 'name'));
  let kind: AgentKind | undefined;
  if (!kindText) errors.push(issue('MISSING_FIELD', 'kind'));
  else if ((AGENT_KINDS as readonly string[]).includes(kindText)) kind = kindText as AgentKind;
  else {
    errors.push(
      issue('FIELD_INVALID', 'kind', { zh: `“${kindText}”不是允许的取值`, en: `"${kindText}" is not an allowed kind` }),
    );
  }
  const qualifiedOn = textField(raw, 'qualifiedOn') ?? null;
  if (qualifiedOn && !isRealDate(qualifiedOn)) {
    errors.push(issue('FIELD_INVALID', 'qualifiedOn', { zh: '应为日期 YYYY-MM-DD', en: 'must be a date YYYY-MM-DD' }));
  }

  const contacts: AgentContactValue[] = [];
  const addContacts = (source: LooseRecord, owner: 'self' | 'relative', path: string) => {
    list(source, 'phones').forEach((p, i) => {
      const phone = checkPhone(p, `${path}phones[${i}]`);
      warnings.push(...phone.errors, ...phone.warnings);
      if (phone.normalized) contacts.push({ owner, kind: 'phone', value: phone.normalized });
    });
    const address = textField(source, 'address');
    if (address) contacts.push({ owner, kind: 'address', value: normalizeAddress(address) });
  };
  addContacts(raw, 'self', '');
  const relatives = Array.isArray(raw.relatives) ? raw.relatives : [];
  relatives.forEach((r, i) => {
    if (typeof r === 'object' && r !== null) addContacts(r as LooseRecord, 'relative', `relatives[${i}].`);
  });

  const idType = textField(raw, 'idType');
  const idNo = textField(raw, 'idNo');
  let idKey: CheckedAgent['idKey'] = null;
  if (idNo && idType && (ID_TYPES as readonly string[]).includes(idType)) {
    idKey = { idType: idType as IdType, idNo: matchingIdNo(idType as IdType, idNo) };
  }
  return {
    agentCode,
    idKey,
    kind,
    agencyKind: textField(raw, 'agencyKind') ?? null,
    branchCode: textField(raw, 'branchCode') ?? null,
    qualifiedOn,
    contacts,
    errors,
    warnings,
  };
}
