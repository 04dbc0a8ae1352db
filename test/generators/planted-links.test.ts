import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { gateApplication } from '../../src/modules/intake/gate.js';
import { agentSchema, applicationSchema, complaintSchema } from '../../src/shared/contract.js';
import { type LinkApplication, PLANT_KINDS, plantedLinks } from './planted-links.js';

const book = plantedLinks();

/** The China date of a contract timestamp (no offset = +08:00), computed here, not by src/. */
function chinaDay(timestamp: string): string {
  const withOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(timestamp) ? timestamp : `${timestamp}+08:00`;
  return new Date(Date.parse(withOffset) + 8 * 3600_000).toISOString().slice(0, 10);
}

/** E.164 by libphonenumber, an oracle independent of both the generator and src/. */
function e164(raw: string): string | undefined {
  const parsed = parsePhoneNumberFromString(raw.startsWith('00') ? `+${raw.slice(2)}` : raw, 'CN');
  return parsed?.isValid() ? parsed.number : undefined;
}

const address = (raw: string) => raw.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
const idKey = (idType: string, idNo: string) => `${idType}:${idNo.replace(/\s/g, '').toUpperCase()}`;

/** Every value of a record that could link it to another: phones, account, addresses, identities. */
function valuesOf(r: LinkApplication): string[] {
  const out: string[] = [];
  const parties = r.insured.relationToApplicant === 'self' ? [r.applicant] : [r.applicant, r.insured];
  for (const p of parties) {
    if (!('name' in p)) continue;
    for (const phone of p.phones ?? []) out.push(`phone ${e164(phone) ?? `invalid ${phone}`}`);
    if (p.address) out.push(`address ${address(p.address)}`);
    if (p.idNo) out.push(`id ${idKey(p.idType, p.idNo)}`);
  }
  for (const b of r.beneficiaries) out.push(`id ${idKey(b.idType, b.idNo)}`);
  if (r.payerAccount) out.push(`account ${r.payerAccount.accountNo.replace(/[\s-]/g, '')}`);
  return out;
}

const plantOfPolicy = new Map(book.plants.flatMap((p) => p.policyNos.map((n) => [n, p] as const)));

// The planted-links book is a test fixture: these tests check the fixture, not the scan.
describe('planted-links book', () => {
  it('has about 3,000 applications with unique policy numbers, entered over several days before the scan day and on it', () => {
    expect(book.applications.length).toBeGreaterThanOrEqual(3000);
    expect(book.applications.length).toBeLessThan(3100);
    expect(new Set(book.applications.map((r) => r.policyNo)).size).toBe(book.applications.length);
    const days = book.applications.map((r) => chinaDay(r.appliedAt));
    expect(days.filter((d) => d < book.scanDay)).toHaveLength(book.entered.before);
    expect(days.filter((d) => d === book.scanDay)).toHaveLength(book.entered.on);
    expect(new Set(days.filter((d) => d < book.scanDay)).size).toBeGreaterThanOrEqual(5);
    expect(book.entered.on).toBeGreaterThanOrEqual(100);
    // Some timestamps in UTC fall on the previous calendar day: day T is the China date.
    expect(
      book.applications.filter((r) => r.appliedAt.endsWith('Z') && r.appliedAt.slice(0, 10) !== chinaDay(r.appliedAt))
        .length,
    ).toBeGreaterThan(0);
  });

  it('plants every kind at least ten times', () => {
    const counts = new Map<string, number>();
    for (const p of book.plants) for (const k of p.kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
    for (const kind of PLANT_KINDS) expect(counts.get(kind) ?? 0, kind).toBeGreaterThanOrEqual(10);
    for (const kind of counts.keys()) expect(PLANT_KINDS).toContain(kind);
  });

  it('expects items of every rule on both days, each once, on policies of the book entered in time', () => {
    const policies = new Map(book.applications.map((r) => [r.policyNo, chinaDay(r.appliedAt)]));
    for (const [expected, day] of [
      [book.expected, book.scanDay],
      [book.nextDayExpected, book.nextDay],
    ] as const) {
      expect(new Set(expected).size).toBe(expected.length);
      for (const rule of ['SHARED_PHONE', 'SHARED_ACCOUNT', 'AGENT_CONTACT', 'COMPLAINT_RECHECK']) {
        expect(expected.filter((k) => k.startsWith(`${rule} `)).length, `${rule} as of ${day}`).toBeGreaterThanOrEqual(
          10,
        );
      }
      for (const k of expected) expect((policies.get(k.split(' ')[1] ?? '') ?? '9999') < day, k).toBe(true);
    }
    for (const link of book.links) {
      for (const p of link.items) expect(link.policies).toContain(p);
      for (const p of link.policies)
        expect((policies.get(p) ?? '9999') < (link.day === 'first' ? book.scanDay : book.nextDay)).toBe(true);
    }
    for (const c of book.clearAfterFirstScan) expect(book.expected).toContain(`${c.rule} ${c.policyNo}`);
  });

  it('is deterministic by seed', () => {
    expect(JSON.stringify(plantedLinks())).toBe(JSON.stringify(book));
    expect(JSON.stringify(plantedLinks({ seed: 2 }).applications)).not.toBe(JSON.stringify(book.applications));
  });

  it('writes contract records only, and the gate accepts every application', () => {
    const lookup = new Map(book.agents.map((a) => [a.agentCode, { kind: a.kind, qualifiedOn: a.qualifiedOn ?? null }]));
    for (const a of book.agents) expect(agentSchema.safeParse(a).success, a.agentCode).toBe(true);
    for (const c of [...book.complaints, ...book.complaintUpdates]) {
      expect(complaintSchema.safeParse(c).success, c.complaintNo).toBe(true);
    }
    for (const r of book.applications) {
      const parsed = applicationSchema.safeParse(r);
      expect(parsed.success, `${r.policyNo} ${parsed.error?.message ?? ''}`).toBe(true);
      const outcome = gateApplication(r, { agents: (code) => lookup.get(code), today: book.nextDay });
      expect(outcome.errors, `${r.policyNo} ${book.plantOf[r.policyNo]}`).toEqual([]);
    }
  });
});

// The planted expectations hold only if nothing links by accident: checked with code that is not the generator's.
describe('planted-links book, cross-checked', () => {
  it('writes every phone validly, in many forms', () => {
    const forms = new Set<string>();
    for (const r of book.applications) {
      for (const p of [r.applicant, r.insured]) {
        if (!('phones' in p)) continue;
        for (const phone of p.phones ?? []) {
          expect(e164(phone), `${r.policyNo} ${phone}`).toBeDefined();
          forms.add(phone.replace(/\d/g, '9'));
        }
      }
    }
    expect(forms.size).toBeGreaterThanOrEqual(12);
  });

  it('shares no phone, account, address or identity between two plants', () => {
    const holders = new Map<string, Set<number>>();
    for (const r of book.applications) {
      const plant = plantOfPolicy.get(r.policyNo);
      expect(plant, r.policyNo).toBeDefined();
      for (const v of valuesOf(r)) holders.set(v, (holders.get(v) ?? new Set()).add(plant?.id ?? 0));
    }
    const crossing = [...holders]
      .filter(([, plants]) => plants.size > 1)
      .map(([v, plants]) => `${v}: #${[...plants].join(' #')}`);
    expect(crossing.slice(0, 10)).toEqual([]);
    // Not vacuous: many values are on several policies, inside their plant.
    const onSeveral = new Map<string, number>();
    for (const r of book.applications)
      for (const v of new Set(valuesOf(r))) onSeveral.set(v, (onSeveral.get(v) ?? 0) + 1);
    expect([...onSeveral.values()].filter((n) => n > 1).length).toBeGreaterThanOrEqual(300);
  });

  it("uses a seller's contact or identity only where a plant says so", () => {
    const sellerValues = new Set<string>();
    for (const a of book.agents) {
      for (const source of [a, ...(a.relatives ?? [])]) {
        for (const phone of source.phones ?? []) sellerValues.add(`phone ${e164(phone)}`);
        if (source.address) sellerValues.add(`address ${address(source.address)}`);
      }
      if (a.idNo && a.idType) sellerValues.add(`id ${idKey(a.idType, a.idNo)}`);
    }
    const agentContactPolicies = new Set(
      book.links.filter((l) => l.rule === 'AGENT_CONTACT').flatMap((l) => l.policies),
    );
    const unplanned: string[] = [];
    let used = 0;
    for (const r of book.applications) {
      const plant = plantOfPolicy.get(r.policyNo);
      const sellerPlant = plant?.kinds.some((k) => k.includes('seller buying')) ?? false;
      for (const v of valuesOf(r)) {
        if (sellerValues.has(v)) used++;
        if (sellerValues.has(v) && !sellerPlant && !agentContactPolicies.has(r.policyNo)) {
          unplanned.push(`${r.policyNo} ${v} ← ${book.plantOf[r.policyNo]}`);
        }
      }
    }
    expect(unplanned.slice(0, 10)).toEqual([]);
    expect(used).toBeGreaterThanOrEqual(80);
  });
});
