/**
 * Every code the product can give for a record or a value, with its bilingual message and
 * the clause it enforces. The contract (INTERCHANGE §3) fixes the first eleven; more may be added,
 * none renamed.
 */
export interface CodeInfo {
  readonly zh: string;
  readonly en: string;
  /** The policy clause (spec/POLICIES.md) or standard the code enforces. */
  readonly clause: string;
}

export const CODES = {
  // INTERCHANGE §3 — errors that block automatic underwriting
  MISSING_FIELD: { zh: '关键资料缺失', en: 'a key field is missing or blank', clause: 'P5.5' },
  ID_FORMAT: {
    zh: '证件号码格式不符合证件类型要求',
    en: 'the ID number does not have the form its ID type requires',
    clause: 'P5.6',
  },
  ID_CHECKSUM: { zh: '证件号码校验位错误', en: 'the ID number check character is wrong', clause: 'P5.6' },
  ID_REGION: {
    zh: '证件号码的省级行政区划代码不存在',
    en: 'the first two digits are not a real province-level code (GB/T 2260)',
    clause: 'P5.6',
  },
  ID_BIRTHDATE: {
    zh: '证件号码中的出生日期不是真实日期或晚于今天',
    en: 'the birth date inside the ID number is not a real date or lies in the future',
    clause: 'P5.6',
  },
  GENDER_MISMATCH: { zh: '性别与证件号码不一致', en: 'gender contradicts the ID number', clause: 'P5.6' },
  BIRTHDATE_MISMATCH: {
    zh: '出生日期与证件号码不一致',
    en: 'birth date differs from the date inside the ID number',
    clause: 'P5.6',
  },
  PHONE_FORMAT: {
    zh: '电话号码既不是有效的大陆手机号、带区号的固定电话，也不是有效的国际号码',
    en: 'the phone is neither a mainland mobile, a landline with a real area code, nor a valid international number',
    clause: 'P5.5',
  },
  PAYER_NOT_APPLICANT: {
    zh: '缴费账户不是投保人本人账户，且无审批文号',
    en: "the payer account is not the applicant's own and no approval reference is given",
    clause: 'P5.11',
  },
  AGENT_UNKNOWN: {
    zh: '销售人员或代理机构代码不在销售人员名册中',
    en: 'the agent or agency code is not in the agent register',
    clause: 'P5.11',
  },
  AGENT_NOT_QUALIFIED: {
    zh: '销售人员在投保录入日尚未取得销售资格',
    en: 'the selling agent had no sales qualification on the application date',
    clause: 'P5.10',
  },

  // Added errors
  FIELD_INVALID: {
    zh: '字段取值不符合接口规范',
    en: 'the field value is not of the type or one of the values the contract allows',
    clause: 'INTERCHANGE §1',
  },
  ACCOUNT_FORMAT: {
    zh: '银行账号应为8至30位数字',
    en: 'a bank account number must be 8 to 30 digits',
    clause: 'P5.5',
  },
  RECORD_MALFORMED: {
    zh: '该行无法读取为一条记录',
    en: 'the line cannot be read as a record',
    clause: 'INTERCHANGE §1',
  },
  SCOPE_REFUSED: {
    zh: '投保单不在上传人的数据范围内，未予受理',
    en: "the application lies outside the uploader's data scope and was not taken in",
    clause: 'P5.21',
  },
  // Warnings — information that does not block underwriting
  BENEFICIARY_SHARE: {
    zh: '受益份额合计不等于100%',
    en: 'beneficiary shares do not add up to 100%',
    clause: 'P5.3',
  },

  OUT_OF_SCOPE_TERM: {
    zh: '保险期间不足12个月，不在本细则适用范围内：以下问题仅作提示',
    en: 'a term under 12 months is outside the policy scope: the findings below are warnings only',
    clause: 'P5.4',
  },
  ID_REGION_COUNTY: {
    zh: '区县代码未知或已撤销（旧证件仍然有效）',
    en: 'the county code is unknown or abolished (old cards stay valid)',
    clause: 'GB/T 2260',
  },
  PHONE_RANGE_UNKNOWN: {
    zh: '手机号段尚未收录于号码元数据',
    en: 'the mobile number is in a range not yet in the numbering metadata',
    clause: 'P5.5',
  },
  ACCOUNT_LUHN: {
    zh: '银行卡号未通过Luhn校验（部分真实银联卡号如此）',
    en: 'the card number fails the Luhn check (some real UnionPay numbers do)',
    clause: 'P5.3',
  },
  ACCOUNT_BANK_MISMATCH: {
    zh: '账号的发卡行与所填银行代码不一致',
    en: 'the issuing bank of the account number differs from the bank code given',
    clause: 'P5.3',
  },
  MINOR_WITHOUT_ID: {
    zh: '被保险人为未成年人，未提供证件号码',
    en: 'the insured is a minor and has no ID number',
    clause: 'P5.5',
  },
  CALENDAR_YEAR_ASSUMED: {
    zh: '该年度没有官方放假安排数据，工作日按周一至周五推算，期限可能有误',
    en: 'there is no official holiday schedule for the year: working days are assumed to be Monday to Friday, so deadlines may be wrong',
    clause: 'P5.13',
  },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

/** One reason on a gate outcome or a verification (INTERCHANGE §3). */
export interface Issue {
  code: Code;
  /** Field path in the record, e.g. `applicant.idNo`, `applicant.phones[1]`. */
  path: string;
  /** `zh-CN (en-US)`, as in the contract's example. */
  message: string;
  clause: string;
}

export function issue(code: Code, path: string, detail?: { zh: string; en: string }): Issue {
  const info: CodeInfo = CODES[code];
  const zh = detail ? `${info.zh}：${detail.zh}` : info.zh;
  const en = detail ? `${info.en}: ${detail.en}` : info.en;
  return { code, path, message: `${zh} (${en})`, clause: info.clause };
}
