import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stdnum } from 'stdnum';
import { describe, expect, it } from 'vitest';
import { type ApplicationRecord, agentSchema, applicationSchema, complaintSchema } from '../../shared/contract.js';
import { mod11CheckChar } from '../identity/gb11643.js';
import { luhnCheckDigit } from './accounts.js';
import { openBook } from './book.js';
import { isoDateOf, parseIsoDate } from './dates.js';
import {
  applicationAt,
  type BookOptions,
  DEMO_DEFECTS,
  type DemoApplication,
  generateAgents,
  generateApplications,
  generateComplaints,
  generateDemoApplications,
  writeBook,
} from './index.js';

const OPTIONS: BookOptions = { seed: 20261203, applications: 5000, from: '2026-03-02', days: 60 };
const book = [...generateDemoApplications(OPTIONS)];
const agents = [...generateAgents(OPTIONS)];
const register = new Map(agents.map((a) => [a.agentCode, a]));

type Party = ApplicationRecord['applicant'];
type FullInsured = Extract<ApplicationRecord['insured'], { name: string }>;

function partiesWithResidentId(record: ApplicationRecord): Array<Party | FullInsured> {
  const insured = 'name' in record.insured ? record.insured : undefined;
  return [record.applicant, ...(insured ? [insured] : [])].filter((p) => p.idType === 'RESIDENT_ID' && !!p.idNo);
}

/** Independent of the generator: is the party's data consistent with its resident ID number? */
function identityProblems(p: Party | FullInsured): string[] {
  const id = (p.idNo as string).toUpperCase();
  const problems: string[] = [];
  if (mod11CheckChar(id.slice(0, 17)) !== id.charAt(17)) problems.push('check character');
  if ((Number(id.charAt(16)) % 2 === 1 ? 'M' : 'F') !== p.gender) problems.push('gender');
  if (`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` !== p.birthDate) problems.push('birth date');
  return problems;
}

const digitsOf = (phone: string) => phone.replace(/^\+86|^0086/, '').replace(/[\s-]/g, '');
const isPhone = (phone: string) => /^1[3-9]\d{9}$|^0\d{2,3}[2-8]\d{7}$/.test(digitsOf(phone));

function isQualified(code: string, appliedAt: string): boolean {
  const qualifiedOn = register.get(code)?.qualifiedOn;
  return !!qualifiedOn && qualifiedOn <= appliedAt.slice(0, 10);
}

function sellerCode(record: ApplicationRecord): string {
  return (record.channel === 'agency' ? record.agencyCode : record.agentCode) as string;
}

describe('demo book: applications', () => {
  it('every record is a well-formed contract record, or carries a planted defect that makes it not', () => {
    for (const { record, defect } of book) {
      const parsed = applicationSchema.safeParse(record);
      if (!parsed.success)
        expect(['missing_applicant_phone', 'missing_applicant_address'], record.policyNo).toContain(defect);
    }
  });

  it('records without a defect pass the gate rules: consistent IDs, valid phones, own account, known qualified seller', () => {
    for (const { record, defect } of book.filter((a) => a.defect === null)) {
      for (const party of partiesWithResidentId(record)) expect(identityProblems(party), record.policyNo).toEqual([]);
      for (const phone of record.applicant.phones) expect(isPhone(phone), `${record.policyNo} ${phone}`).toBe(true);
      expect(record.applicant.phones.length).toBeGreaterThan(0);
      expect(record.applicant.address.length).toBeGreaterThan(0);
      const payer = record.payerAccount;
      expect(payer).toBeTruthy();
      if (payer && !payer.approvalRef)
        expect(payer.holderIdNo?.toUpperCase()).toBe(record.applicant.idNo.toUpperCase());
      expect(isQualified(sellerCode(record), record.appliedAt), `${record.policyNo} ${sellerCode(record)}`).toBe(true);
      expect(defect).toBeNull();
    }
  });

  it('each defect is visible in its record, one per record', () => {
    const seen = new Set<string>();
    for (const { record, defect } of book.filter((a) => a.defect !== null)) {
      seen.add(defect as string);
      const identity = partiesWithResidentId(record).flatMap(identityProblems);
      const visible: Record<string, boolean> = {
        missing_applicant_phone: record.applicant.phones.length === 0,
        missing_applicant_address: record.applicant.address.trim() === '',
        id_check_digit: identity.includes('check character'),
        gender_contradicts_id: identity.includes('gender'),
        birth_date_off: identity.includes('birth date'),
        phone_mistyped: record.applicant.phones.some((p) => !isPhone(p)),
        third_party_payer:
          record.payerAccount?.holderIdNo !== record.applicant.idNo && !record.payerAccount?.approvalRef,
        unknown_agent: !register.has(sellerCode(record)),
        unqualified_agent: register.has(sellerCode(record)) && !isQualified(sellerCode(record), record.appliedAt),
      };
      expect(visible[defect as string], `${record.policyNo} ${defect}`).toBe(true);
      expect(identity.length, `${record.policyNo} ${defect}: ${identity.join(', ')}`).toBeLessThanOrEqual(1);
    }
    expect([...seen].sort()).toEqual([...DEMO_DEFECTS].sort());
  });

  it('about 4% carry a defect and about 1% a shared contact', () => {
    const defects = book.filter((a) => a.defect).length / book.length;
    const contacts = book.filter((a) => a.sharedContact).length / book.length;
    expect(defects).toBeGreaterThan(0.03);
    expect(defects).toBeLessThan(0.05);
    expect(contacts).toBeGreaterThan(0.005);
    expect(contacts).toBeLessThan(0.015);
  });

  it('references only register sellers, apart from the unknown-seller defect', () => {
    for (const { record, defect } of book) {
      if (defect === 'unknown_agent') continue;
      const seller = register.get(sellerCode(record));
      expect(seller, record.policyNo).toBeDefined();
      const kind = { agent: 'agent', bancassurance: 'bancassurance_specialist', agency: 'agency' }[record.channel];
      if (defect !== 'unqualified_agent') expect(seller?.kind, record.policyNo).toBe(kind);
      if (record.channel === 'agency') expect(record.agentCode).toBeNull();
    }
  });

  it('has the mix of a real book', () => {
    const share = (test: (a: DemoApplication) => boolean) => book.filter(test).length / book.length;
    expect(share((a) => a.record.channel === 'agent')).toBeGreaterThan(0.6);
    expect(share((a) => a.record.channel === 'bancassurance')).toBeGreaterThan(0.12);
    expect(share((a) => a.record.channel === 'agency')).toBeGreaterThan(0.05);
    expect(share((a) => a.record.insured.relationToApplicant !== 'self')).toBeGreaterThan(0.3);
    expect(share((a) => 'name' in a.record.insured && !a.record.insured.idNo)).toBeGreaterThan(0.01);
    expect(
      share((a) => 'idType' in a.record.insured && a.record.insured.idType === 'BIRTH_CERTIFICATE'),
    ).toBeGreaterThan(0.005);
    expect(share((a) => a.record.receiptSignedAt !== null)).toBeGreaterThan(0.5);
    expect(share((a) => a.record.termMonths < 12)).toBeGreaterThan(0);
    expect(share((a) => a.record.termMonths < 12)).toBeLessThan(0.05);
    expect(share((a) => !!a.record.payerAccount?.approvalRef)).toBeGreaterThan(0.005);
    expect(share((a) => /x$/.test(a.record.applicant.idNo))).toBeGreaterThan(0);
    expect(share((a) => a.record.applicant.phones.some((p) => p.startsWith('+86')))).toBeGreaterThan(0.05);
    expect(share((a) => a.record.applicant.phones.some((p) => /^0\d{2,3}[- ]/.test(p)))).toBeGreaterThan(0.01);
    const customers = new Set(book.map((a) => a.record.applicant.idNo.toUpperCase()));
    expect(customers.size).toBeLessThan(book.length * 0.95);
    for (const { record } of book) {
      const shares = (record.beneficiaries ?? []).map((b) => b.sharePct);
      if (shares.length > 0) expect(shares.reduce((a, b) => a + b, 0)).toBe(100);
      expect(record.premium.amount).toMatch(/^\d+\.\d{2}$/);
      expect(record.appliedAt).toMatch(/^\d{4}-\d{2}-\d{2}T(0[89]|1\d|20):\d{2}:\d{2}\+08:00$/);
    }
  });

  it('puts bank cards on real BINs with a Luhn check digit', () => {
    for (const { record } of book.slice(0, 1000)) {
      const digits = (record.payerAccount?.accountNo ?? '').replace(/[\s-]/g, '');
      expect(digits).toMatch(/^62|^43/);
      expect(luhnCheckDigit(digits.slice(0, -1))).toBe(digits.slice(-1));
    }
  });

  it('is in entry order with unique policy numbers, and record k can be rebuilt alone', () => {
    const policyNos = book.map((a) => a.record.policyNo);
    expect(new Set(policyNos).size).toBe(book.length);
    for (let i = 1; i < book.length; i++) {
      expect((book[i] as DemoApplication).record.appliedAt >= (book[i - 1] as DemoApplication).record.appliedAt).toBe(
        true,
      );
    }
    const demo = openBook(OPTIONS);
    for (const k of [0, 1, 777, 4999]) expect(applicationAt(demo, k)).toEqual(book[k]);
  });

  it('is deterministic by seed', () => {
    const again = [...generateApplications(OPTIONS)];
    expect(JSON.stringify(again)).toBe(JSON.stringify(book.map((a) => a.record)));
    const other = [...generateApplications({ ...OPTIONS, seed: 7 })];
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(again));
    expect(JSON.stringify([...generateAgents(OPTIONS)])).toBe(JSON.stringify(agents));
  });

  it('leaves records clean when defects and shared contacts are off', () => {
    const clean = [...generateDemoApplications({ ...OPTIONS, defects: false, sharedContacts: false })];
    expect(
      clean.every(
        (a) => a.defect === null && a.sharedContact === null && applicationSchema.safeParse(a.record).success,
      ),
    ).toBe(true);
    // Switching the plants off changes only the records that had one.
    clean.forEach((a, k) => {
      const original = book[k] as DemoApplication;
      if (!original.defect && !original.sharedContact) expect(a.record).toEqual(original.record);
    });
  });
});

describe('demo book: agents and complaints', () => {
  it('has a well-formed register of 1/40 of the applications, at least 20, with every kind', () => {
    expect(agents).toHaveLength(125);
    expect([...generateAgents({ ...OPTIONS, applications: 10 })]).toHaveLength(20);
    for (const a of agents) expect(agentSchema.safeParse(a).success, a.agentCode).toBe(true);
    const kinds = new Set(agents.map((a) => a.kind));
    expect(kinds).toEqual(new Set(['agent', 'bancassurance_specialist', 'agency']));
    expect(agents.some((a) => a.qualifiedOn === null)).toBe(true);
    expect(agents.some((a) => (a.qualifiedOn ?? '') > OPTIONS.from)).toBe(true);
    for (const a of agents.filter((x) => x.kind === 'agency')) {
      expect(a.agencyKind).toMatch(/professional|part_time/);
      expect(stdnum.CN?.uscc?.validate(a.idNo ?? '').isValid, a.idNo ?? '').toBe(true);
    }
    for (const a of agents.filter((x) => x.kind !== 'agency')) {
      const id = a.idNo ?? '';
      expect(mod11CheckChar(id.slice(0, 17)), id).toBe(id.charAt(17));
    }
  });

  it('has a few sellers with two verified misleading-sales complaints within a year, the rest do not', () => {
    const complaints = [...generateComplaints(OPTIONS)];
    for (const c of complaints) expect(complaintSchema.safeParse(c).success, c.complaintNo).toBe(true);
    expect(new Set(complaints.map((c) => c.complaintNo)).size).toBe(complaints.length);
    const policyNos = new Set(book.map((a) => a.record.policyNo));
    for (const c of complaints) {
      expect(register.has(c.agentCode), c.agentCode).toBe(true);
      if (c.policyNo) expect(policyNos.has(c.policyNo), c.policyNo).toBe(true);
    }
    const verifiedBySeller = new Map<string, string[]>();
    for (const c of complaints.filter((x) => x.kind === 'misleading_sales' && x.verified)) {
      verifiedBySeller.set(c.agentCode, [...(verifiedBySeller.get(c.agentCode) ?? []), c.verifiedOn as string]);
    }
    const withinAYear = (dates: string[]) =>
      dates.some((a) => dates.some((b) => a < b && Date.parse(b) - Date.parse(a) <= 365 * 86_400_000));
    const hot = [...verifiedBySeller.values()].filter(withinAYear);
    expect(hot.length).toBeGreaterThanOrEqual(2);
    expect(hot.length).toBeLessThanOrEqual(5);
    expect(
      [...verifiedBySeller.values()].filter((d) => d.length >= 2 && !withinAYear(d)).length,
    ).toBeGreaterThanOrEqual(1);
    expect(complaints.filter((c) => !c.verified || c.kind !== 'misleading_sales').length).toBeGreaterThan(5);
    expect(JSON.stringify([...generateComplaints(OPTIONS)])).toBe(JSON.stringify(complaints));
  });

  it('dates no complaint after the last day of the book, nor a verification before its receipt', () => {
    for (const options of [OPTIONS, { ...OPTIONS, applications: 800, days: 5 }, { ...OPTIONS, days: 400 }]) {
      const lastDay = isoDateOf((parseIsoDate(options.from) as number) + options.days - 1);
      const complaints = [...generateComplaints(options)];
      expect(complaints.length).toBeGreaterThan(0);
      for (const c of complaints) {
        expect(c.receivedOn <= lastDay, `${c.complaintNo} received ${c.receivedOn}`).toBe(true);
        expect(c.verified).toBe(c.verifiedOn !== null);
        if (c.verifiedOn) {
          expect(c.verifiedOn <= lastDay, `${c.complaintNo} verified ${c.verifiedOn}`).toBe(true);
          expect(c.verifiedOn >= c.receivedOn, c.complaintNo).toBe(true);
        }
      }
    }
  });

  it('has the hot sellers verified before the book opens and within the year ending on its last day', () => {
    const complaints = [...generateComplaints(OPTIONS)];
    const lastDay = (parseIsoDate(OPTIONS.from) as number) + OPTIONS.days - 1;
    const bySeller = new Map<string, string[]>();
    for (const c of complaints.filter((x) => x.kind === 'misleading_sales' && x.verified)) {
      bySeller.set(c.agentCode, [...(bySeller.get(c.agentCode) ?? []), c.verifiedOn as string]);
    }
    const hot = [...bySeller.values()].filter(
      (dates) => dates.length >= 2 && dates.every((d) => d > isoDateOf(lastDay - 365)),
    );
    expect(hot.length).toBeGreaterThanOrEqual(2);
    for (const dates of hot) for (const d of dates) expect(d < OPTIONS.from, d).toBe(true);
  });
});

describe('writeBook', () => {
  it('writes the three JSON Lines files and counts them', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'veracity-demo-'));
    try {
      const options = { ...OPTIONS, applications: 1200 };
      const written = await writeBook(dir, options);
      expect(written.counts).toEqual({
        agents: 30,
        applications: 1200,
        complaints: [...generateComplaints(options)].length,
      });
      const lines = (await readFile(written.applicationsFile, 'utf8')).trimEnd().split('\n');
      expect(lines).toHaveLength(1200);
      expect(lines.map((l) => JSON.parse(l))).toEqual([...generateApplications(options)]);
      const agentLines = (await readFile(written.agentsFile, 'utf8')).trimEnd().split('\n');
      expect(agentLines.map((l) => JSON.parse(l).agentCode)).toEqual(
        [...generateAgents(options)].map((a) => a.agentCode),
      );
      expect((await readFile(written.complaintsFile, 'utf8')).trimEnd().split('\n')).toHaveLength(
        written.counts.complaints,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects impossible options', () => {
    expect(() => [...generateApplications({ ...OPTIONS, from: '2026-02-30' })]).toThrow(RangeError);
    expect(() => [...generateApplications({ ...OPTIONS, days: 0 })]).toThrow(RangeError);
    expect(() => [...generateApplications({ ...OPTIONS, applications: -1 })]).toThrow(RangeError);
  });
});
