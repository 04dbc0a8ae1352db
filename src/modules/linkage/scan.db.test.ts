import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore, writeJsonl } from '../../../test/harness.js';
import { agent, application, residentId } from '../../../test/records.js';
import { importAgents } from '../agents/agents.service.js';
import { importComplaints } from '../complaints/complaints.service.js';
import { importApplications } from '../intake/intake.service.js';
import { setCoolingOff } from '../products/products.service.js';
import { exportItems, listItems } from './items.service.js';
import { linkIdOf } from './problem-items.js';
import { type ProblemItem, scanBook } from './scan.service.js';

/** A person with a consistent ID, gender and birth date. */
function person(name: string, seq: number, extra: Record<string, unknown> = {}) {
  const birthDate = `19${70 + (seq % 25)}-0${1 + (seq % 9)}-1${seq % 10}`;
  const idNo = residentId('440106', birthDate, String(100 + seq).padStart(3, '0'));
  return { name, gender: seq % 2 === 1 ? 'M' : 'F', birthDate, idType: 'RESIDENT_ID', idNo, ...extra };
}

const applicantOf = (
  p: ReturnType<typeof person>,
  phones: string[],
  address = `广州市天河区体育西路${p.idNo.slice(-4)}号`,
) => ({
  ...p,
  address,
  phones,
});

const SELLER = agent({
  agentCode: 'A1',
  idNo: residentId('440103', '1985-07-07', '061'),
  phones: ['13900001111'],
  relatives: [{ name: '王强', relation: 'spouse', phones: ['13900002222'], address: '广州市海珠区江南大道2号' }],
});
const SELLER_AS_PERSON = {
  name: '王芳',
  gender: 'M',
  birthDate: '1985-07-07',
  idType: 'RESIDENT_ID',
  idNo: residentId('440103', '1985-07-07', '061'),
};
const COMPLAINED = agent({ agentCode: 'A2', phones: ['13900009999'], relatives: [] });

function policy(policyNo: string, applicant: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return application({
    policyNo,
    agentCode: 'A1',
    appliedAt: '2026-11-30T10:00:00+08:00',
    applicant,
    payerAccount: null,
    beneficiaries: [],
    ...extra,
  });
}

const zhang = person('张伟', 1);
const wang = person('王磊', 3);
const li = person('李娜', 2);
const chen = person('陈静', 4);
const zhou = person('周强', 5);
const sun = person('孙丽', 6);
const ma = person('马超', 7);
const hu = person('胡敏', 8);
const liu = person('刘洋', 9);
const xu = person('徐芳', 10);
let withX = person('何勇', 11);
for (let seq = 11; !withX.idNo.endsWith('X'); seq += 2) withX = person('何勇', seq);

const BOOK = [
  // SHARED_PHONE: two different customers, the number written two ways.
  policy('P01', applicantOf(zhang, ['+86 138-0013-8000'])),
  policy('P02', applicantOf(wang, ['13800138000'])),
  // Not a clue: the same customer on two policies.
  policy('P03', applicantOf(li, ['139 1111 2222'])),
  policy('P04', applicantOf(li, ['0086-139-1111-2222'])),
  // Not a clue by itself: family on one policy sharing a phone …
  policy('P05', applicantOf(chen, ['13722223333']), {
    insured: { ...zhou, relationToApplicant: 'spouse', phones: ['137 2222 3333'] },
  }),
  // … but a clue once a different customer on another policy uses it.
  policy('P06', applicantOf(sun, ['13722223333'])),
  // SHARED_ACCOUNT, the account written with spaces on one.
  policy('P07', applicantOf(ma, ['13600001111']), {
    payerAccount: {
      bankCode: 'ICBC',
      accountNo: '6222 0212 3456 7890 128',
      holderName: ma.name,
      holderIdType: 'RESIDENT_ID',
      holderIdNo: ma.idNo,
    },
  }),
  policy('P08', applicantOf(hu, ['13600002222']), {
    payerAccount: {
      bankCode: 'ICBC',
      accountNo: '6222021234567890128',
      holderName: hu.name,
      holderIdType: 'RESIDENT_ID',
      holderIdNo: hu.idNo,
    },
  }),
  // AGENT_CONTACT: the seller's own phone, and a registered relative's address.
  policy('P09', applicantOf(liu, ['13900001111'])),
  policy('P10', applicantOf(xu, ['13600003333'], '广州市海珠区 江南大道２号')),
  // Not an AGENT_CONTACT clue: the seller buying for themself with their own phone. (With P09
  // using the same number, the two are still different customers on one phone: SHARED_PHONE.)
  policy('P11', applicantOf(SELLER_AS_PERSON as ReturnType<typeof person>, ['13900001111'])),
  // Not a clue: one customer, the check digit written x and X.
  policy('P13', applicantOf(withX, ['13500004444'])),
  policy('P14', applicantOf({ ...withX, idNo: withX.idNo.toLowerCase() }, ['135 0000 4444'])),
  // COMPLAINT_RECHECK: every policy of a seller with two verified misleading-sales complaints.
  policy('P12', applicantOf(person('赵敏', 12), ['13600005555']), { agentCode: 'A2' }),
  // Entered on the scan day itself: not this scan's.
  policy('P15', applicantOf(person('钱多', 13), ['13800138000']), { appliedAt: '2026-12-01T09:00:00+08:00' }),
];

const COMPLAINTS = [
  {
    complaintNo: 'C1',
    agentCode: 'A2',
    receivedOn: '2026-03-01',
    kind: 'misleading_sales',
    verified: true,
    verifiedOn: '2026-03-20',
  },
  {
    complaintNo: 'C2',
    agentCode: 'A2',
    receivedOn: '2026-09-01',
    kind: 'misleading_sales',
    verified: true,
    verifiedOn: '2026-09-15',
  },
  { complaintNo: 'C3', agentCode: 'A1', receivedOn: '2026-09-01', kind: 'misleading_sales', verified: false },
  {
    complaintNo: 'C4',
    agentCode: 'A1',
    receivedOn: '2026-09-01',
    kind: 'service',
    verified: true,
    verifiedOn: '2026-09-10',
  },
];

const clues = (items: ProblemItem[]) => items.map((i) => `${i.rule} ${i.policyNo}`).sort();

describe.each(DIALECTS)('the T+1 scan on %s', (dialect) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await createTestStore(dialect);
    await importAgents(store, writeJsonl(store.dir, 'agents.jsonl', [SELLER, COMPLAINED]));
    await importComplaints(store, writeJsonl(store.dir, 'complaints.jsonl', COMPLAINTS));
    const summary = await importApplications(store, writeJsonl(store.dir, 'book.jsonl', BOOK));
    expect(summary.rejected).toBe(0);
  });
  afterEach(async () => {
    await store.destroy();
  });

  it('finds exactly the planted clues, and nothing else', async () => {
    const result = await scanBook(store, { asOf: '2026-12-01' });
    expect(result.applications).toBe(14);
    expect(clues(result.items)).toEqual([
      'AGENT_CONTACT P09',
      'AGENT_CONTACT P10',
      'COMPLAINT_RECHECK P12',
      'SHARED_ACCOUNT P07',
      'SHARED_ACCOUNT P08',
      'SHARED_PHONE P01',
      'SHARED_PHONE P02',
      'SHARED_PHONE P05',
      'SHARED_PHONE P06',
      'SHARED_PHONE P09',
      'SHARED_PHONE P11',
    ]);
  });

  it('finds the same holding the write lock from the start (the last try beside a busy gate)', async () => {
    const locked = await scanBook(store, { asOf: '2026-12-01', writeLockFirst: true });
    expect(locked.applications).toBe(14);
    expect(clues(locked.items)).toHaveLength(11);
    expect((await scanBook(store, { asOf: '2026-12-01', writeLockFirst: true })).items).toEqual([]);
  });

  it('gives each item its link, related policies, number and deadline (INTERCHANGE §5)', async () => {
    const { items } = await scanBook(store, { asOf: '2026-12-01' });
    const p01 = items.find((i) => i.policyNo === 'P01') as ProblemItem;
    const p02 = items.find((i) => i.policyNo === 'P02') as ProblemItem;
    expect(p01.linkId).toBe(p02.linkId);
    expect(p01.linkId).toMatch(/^L-[0-9a-f]{16}$/);
    expect(p01.relatedPolicyNos).toEqual(['P02']);
    expect(p01).toMatchObject({ detectedOn: '2026-12-01', dueOn: '2026-12-04', status: 'open' });
    expect(items.map((i) => i.itemNo)).toEqual(items.map((_, n) => `Q20261201-${String(n + 1).padStart(6, '0')}`));
    const recheck = items.find((i) => i.rule === 'COMPLAINT_RECHECK') as ProblemItem;
    expect(recheck.linkId).toBe(linkIdOf('COMPLAINT_RECHECK', 'A2'));
  });

  it('lists items by filter and exports them to Excel', async () => {
    await scanBook(store, { asOf: '2026-12-01' });
    const accounts = await listItems(store, { rule: 'SHARED_ACCOUNT' });
    expect(accounts.map((i) => i.policyNo).sort()).toEqual(['P07', 'P08']);
    expect(accounts[0]).toMatchObject({ channel: 'agent', branchCode: 'GD-GZ', agentCode: 'A1' });
    const file = path.join(store.dir, 'items.xlsx');
    expect(await exportItems(store, { status: 'open' }, file)).toBe(11);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('问题件');
    expect(sheet?.rowCount).toBe(12);
    expect(String(sheet?.getRow(1).getCell(1).value)).toContain('问题件编号');
  });

  it('ends the deadline with the cooling-off period when that comes first, per product', async () => {
    await setCoolingOff(store, 'WL-20', 20);
    const signed = (policyNo: string, who: ReturnType<typeof person>, productCode: string) =>
      policy(policyNo, applicantOf(who, ['13100007777']), {
        productCode,
        receiptSignedAt: '2026-11-14T16:00:00+08:00',
      });
    await importApplications(
      store,
      writeJsonl(store.dir, 'signed.jsonl', [
        signed('R1', person('甲', 60), 'WL-20'),
        signed('R2', person('乙', 61), 'CI-30'),
      ]),
    );
    const { items } = await scanBook(store, { asOf: '2026-12-01' });
    // R2: 15 days from 2026-11-14 → 11-29, before 3 working days from 12-01: due at the end of the period.
    expect(items.find((i) => i.policyNo === 'R2')).toMatchObject({
      coolingOffEndsOn: '2026-11-29',
      dueOn: '2026-11-29',
    });
    // R1's product gives 20 days → 12-04, the same day as 3 working days.
    expect(items.find((i) => i.policyNo === 'R1')).toMatchObject({
      coolingOffEndsOn: '2026-12-04',
      dueOn: '2026-12-04',
    });
  });

  it('runs twice for the same day without adding anything', async () => {
    const first = await scanBook(store, { asOf: '2026-12-01' });
    const again = await scanBook(store, { asOf: '2026-12-01' });
    expect(first.items.length).toBe(11);
    expect(again).toMatchObject({ applications: 0, items: [] });
  });

  it('the next day takes in what was entered since, against the whole book', async () => {
    await scanBook(store, { asOf: '2026-12-01' });
    const next = await scanBook(store, { asOf: '2026-12-02' });
    expect(next.applications).toBe(1);
    // P15 shares the phone of P01/P02: it joins their link; the others already have items.
    expect(clues(next.items)).toEqual(['SHARED_PHONE P15']);
    expect(next.items[0]?.relatedPolicyNos).toEqual(['P01', 'P02']);
  });

  it('a full re-scan finds the same items as the daily scans', async () => {
    await scanBook(store, { asOf: '2026-12-01' });
    await scanBook(store, { asOf: '2026-12-02' });
    const daily = await store.db.kysely.selectFrom('problem_items').select(['policy_no', 'rule', 'link_id']).execute();

    const fresh = await createTestStore(dialect);
    try {
      await importAgents(fresh, writeJsonl(fresh.dir, 'agents.jsonl', [SELLER, COMPLAINED]));
      await importComplaints(fresh, writeJsonl(fresh.dir, 'complaints.jsonl', COMPLAINTS));
      await importApplications(fresh, writeJsonl(fresh.dir, 'book.jsonl', BOOK));
      // Same keys in both stores, so the same blind indexes and link ids.
      const full = await scanBook(
        { ...fresh, keyring: store.keyring, sealer: store.sealer },
        { asOf: '2026-12-02', mode: 'full' },
      );
      const key = (r: { policy_no?: string; policyNo?: string; rule: string; link_id?: string; linkId?: string }) =>
        `${r.rule} ${r.policy_no ?? r.policyNo}`;
      expect(full.items.map(key).sort()).toEqual(daily.map(key).sort());
    } finally {
      await fresh.destroy();
    }
  });

  it('a value shared by very many customers is raised as one link, one item, not a flood', async () => {
    const switchboard = Array.from({ length: 14 }, (_, n) =>
      policy(`S${String(n).padStart(2, '0')}`, applicantOf(person(`客户${n}`, 40 + n), ['020-8888 1234'])),
    );
    await importApplications(store, writeJsonl(store.dir, 'switchboard.jsonl', switchboard));
    const { items } = await scanBook(store, { asOf: '2026-12-01' });
    const flood = items.filter((i) => i.policyNo.startsWith('S'));
    expect(flood).toHaveLength(1);
    expect(flood[0]?.relatedPolicyNos).toHaveLength(13);
    // Another customer joins the next day: the one item grows, no new item.
    await importApplications(
      store,
      writeJsonl(store.dir, 'late.jsonl', [
        policy('S99', applicantOf(person('客户99', 99), ['02088881234']), { appliedAt: '2026-12-01T10:00:00+08:00' }),
      ]),
    );
    expect((await scanBook(store, { asOf: '2026-12-02' })).items.filter((i) => i.policyNo.startsWith('S'))).toEqual([]);
    const [item] = await store.db.kysely
      .selectFrom('problem_items')
      .select('related_policy_nos')
      .where('item_no', '=', flood[0]?.itemNo as string)
      .execute();
    expect(JSON.parse(item?.related_policy_nos ?? '[]')).toContain('S99');
  });

  it('follows the contract in the three edge cases the planted book found', async () => {
    const child = {
      relationToApplicant: 'child',
      name: '陈小宝',
      gender: 'M',
      birthDate: '2018-05-06',
      idType: 'BIRTH_CERTIFICATE',
    };
    const parent = person('陈父', 70);
    const company = { bankCode: 'CCB', accountNo: '6217000011112222333', holderName: '某公司', approvalRef: 'APR-9' };
    await importApplications(
      store,
      writeJsonl(store.dir, 'edges.jsonl', [
        // The seller as a customer, with a registered relative's phone: a clue (only their own is exempt).
        policy('E1', applicantOf(SELLER_AS_PERSON as ReturnType<typeof person>, ['13900002222'])),
        // One applicant, two policies paid from one approved company account without a holder ID: no clue.
        policy('E2', applicantOf(person('林一', 71), ['13100001001']), { payerAccount: company }),
        policy('E3', applicantOf(person('林一', 71), ['13100001001']), { payerAccount: company }),
        // One parent insuring one child without an ID on two policies, the child's phone on both: no clue.
        policy('E4', applicantOf(parent, ['13100002002']), { insured: { ...child, phones: ['13600000009'] } }),
        policy('E5', applicantOf(parent, ['13100002002']), { insured: { ...child, phones: ['136 0000 0009'] } }),
      ]),
    );
    const { items } = await scanBook(store, { asOf: '2026-12-01' });
    expect(clues(items.filter((i) => i.policyNo.startsWith('E')))).toEqual(['AGENT_CONTACT E1']);
  });

  it('a link cleared as legitimate is not raised again unless a new customer joins it', async () => {
    await scanBook(store, { asOf: '2026-12-01' });
    const [link] = await store.db.kysely
      .selectFrom('problem_items')
      .select('link_id')
      .where('policy_no', '=', 'P01')
      .execute();
    await store.db.kysely
      .updateTable('links')
      .set((eb) => ({ status: 'cleared', cleared_members: eb.ref('members') }))
      .where('link_id', '=', link?.link_id as string)
      .execute();
    // A new policy of a member already on the link: no new item.
    const again = (policyNo: string, who: ReturnType<typeof person>) =>
      importApplications(
        store,
        writeJsonl(store.dir, `${policyNo}.jsonl`, [policy(policyNo, applicantOf(who, ['13800138000']))]),
      );
    await again('P20', zhang);
    expect((await scanBook(store, { asOf: '2026-12-01' })).items).toEqual([]);
    // A new customer joins it: the link is open again, and every policy on it without an item gets one.
    await again('P21', person('吴昊', 15));
    expect(clues((await scanBook(store, { asOf: '2026-12-01' })).items)).toEqual([
      'SHARED_PHONE P20',
      'SHARED_PHONE P21',
    ]);
  });
});
