import type { ComplaintRecord } from '../../shared/contract.js';
import { applicationAt } from './applications.js';
import { type Book, type BookOptions, openBook } from './book.js';
import { isoDateOf, yearOf } from './dates.js';
import { Rng, Weighted } from './prng.js';
import { purchaseOf } from './sales.js';
import { Stream } from './streams.js';

type ComplaintKind = ComplaintRecord['kind'];

interface Draft {
  agentCode: string;
  policyNo: string | null;
  receivedDay: number;
  kind: ComplaintKind;
  verifiedDay: number | null;
  summary: string;
}

const SUMMARIES: Record<ComplaintKind, readonly string[]> = {
  misleading_sales: [
    '客户反映销售人员夸大分红收益，未说明退保损失',
    '客户称销售时被告知产品为银行存款',
    '客户反映销售人员承诺保本高收益',
    '客户称未被告知犹豫期权利',
    '客户反映销售人员隐瞒责任免除条款',
  ],
  service: ['保全变更办理时间过长', '回访电话多次未接通后未再联系', '客服热线等待时间过长', '保单邮寄延误'],
  claims: ['理赔材料多次被要求补充', '理赔时效超过承诺期限', '对理赔金额有异议'],
  other: ['营销短信打扰', '对续期扣款时间有疑问', '要求更正保单信息'],
};

const BACKGROUND_KINDS = new Weighted<ComplaintKind>([
  ['misleading_sales', 35],
  ['service', 30],
  ['claims', 20],
  ['other', 15],
]);

/**
 * A hot seller's two policies lie at most this many days apart, so with 20–120 days to receive and
 * 7–30 to verify, the two verifications fall within one year (P5.14 counts by verifiedOn).
 */
const HOT_POLICIES_MAX_GAP = 200;

/**
 * The complaints register: a few sellers with two or more verified misleading-sales complaints
 * within a year (P5.14 re-check), one whose two are more than a year apart, and background
 * complaints (unverified, or of other kinds) that must not trigger the rule.
 */
export function* generateComplaints(options: BookOptions): Generator<ComplaintRecord> {
  const book = openBook(options);
  if (book.applications === 0) return;
  const drafts = new ComplaintDrafts(book);
  const hotSellers = Math.max(2, Math.round(book.applications / 20_000));
  for (let i = 0; i < hotSellers; i++) drafts.addHotSeller();
  drafts.addNearMiss();
  const background = Math.max(6, Math.round(book.applications / 500));
  for (let i = 0; i < background; i++) drafts.addBackground();
  yield* drafts.numbered();
}

interface Sold {
  agentCode: string;
  sellerIndex: number;
  policyNo: string;
  day: number;
}

class ComplaintDrafts {
  private readonly rng: Rng;
  private readonly drafts: Draft[] = [];
  /** Sellers with a verified misleading-sales complaint: a second one is only planted on purpose. */
  private readonly misleadingVerified = new Set<string>();

  constructor(private readonly book: Book) {
    this.rng = Rng.of(book.seed, Stream.complaint, 0);
  }

  /** Application k as sold, or undefined when its seller code is not in the register (a defect). */
  private sold(k: number): Sold | undefined {
    const { record, defect } = applicationAt(this.book, k);
    if (defect === 'unknown_agent' || defect === 'unqualified_agent') return undefined;
    const agentCode = record.agentCode ?? record.agencyCode;
    if (!agentCode) return undefined;
    return {
      agentCode,
      sellerIndex: purchaseOf(this.book, k).sale.seller.index,
      policyNo: record.policyNo,
      day: this.book.schedule.dayOf(k),
    };
  }

  private randomSale(): Sold | undefined {
    for (let attempt = 0; attempt < 20; attempt++) {
      const sold = this.sold(this.rng.int(0, this.book.applications - 1));
      if (sold && !this.misleadingVerified.has(sold.agentCode)) return sold;
    }
    return undefined;
  }

  /** Another policy by the same seller close in time, searching outwards from k. */
  private anotherSale(first: Sold, k: number): Sold | undefined {
    const limit = Math.min(this.book.applications, 20 * this.book.agents);
    for (let step = 1; step < limit; step++) {
      for (const j of [k + step, k - step]) {
        if (j < 0 || j >= this.book.applications) continue;
        if (Math.abs(this.book.schedule.dayOf(j) - first.day) > HOT_POLICIES_MAX_GAP) continue;
        if (purchaseOf(this.book, j).sale.seller.index !== first.sellerIndex) continue;
        const sold = this.sold(j);
        if (sold?.agentCode === first.agentCode) return sold;
      }
    }
    return undefined;
  }

  private add(
    sold: Pick<Sold, 'agentCode' | 'day'> & { policyNo: string | null },
    kind: ComplaintKind,
    verified: boolean,
    receivedDay?: number,
  ): void {
    const received = receivedDay ?? sold.day + this.rng.int(20, 120);
    const draft: Draft = {
      agentCode: sold.agentCode,
      policyNo: sold.policyNo,
      receivedDay: received,
      kind,
      verifiedDay: verified ? received + this.rng.int(7, 30) : null,
      summary: this.rng.pick(SUMMARIES[kind]),
    };
    this.drafts.push(draft);
    if (verified && kind === 'misleading_sales') this.misleadingVerified.add(sold.agentCode);
  }

  addHotSeller(): void {
    for (let attempt = 0; attempt < 10; attempt++) {
      const k = this.rng.int(0, this.book.applications - 1);
      const first = this.sold(k);
      if (!first || this.misleadingVerified.has(first.agentCode)) continue;
      // Two customers of one policy can both complain when no second policy is found.
      const second = this.anotherSale(first, k) ?? first;
      this.add(first, 'misleading_sales', true);
      this.add(second, 'misleading_sales', true);
      if (this.rng.chance(0.3)) this.add(first, this.rng.chance(0.5) ? 'misleading_sales' : 'service', false);
      return;
    }
  }

  /** A seller with two verified misleading-sales complaints well over a year apart: no re-check. */
  addNearMiss(): void {
    const sold = this.randomSale();
    if (!sold) return;
    this.add(sold, 'misleading_sales', true);
    const longAgo = this.book.fromDay - this.rng.int(450, 700);
    this.add({ agentCode: sold.agentCode, policyNo: null, day: longAgo }, 'misleading_sales', true, longAgo);
  }

  addBackground(): void {
    const sold = this.randomSale();
    if (!sold) return;
    const kind = BACKGROUND_KINDS.pick(this.rng);
    const verified = kind === 'misleading_sales' ? this.rng.chance(0.4) : this.rng.chance(0.6);
    this.add(sold, kind, verified);
  }

  *numbered(): Generator<ComplaintRecord> {
    const sorted = [...this.drafts].sort(
      (a, b) => a.receivedDay - b.receivedDay || a.agentCode.localeCompare(b.agentCode),
    );
    const perYear = new Map<number, number>();
    for (const d of sorted) {
      const year = yearOf(d.receivedDay);
      const sequence = (perYear.get(year) ?? 0) + 1;
      perYear.set(year, sequence);
      yield {
        complaintNo: `C${year}-${String(sequence).padStart(5, '0')}`,
        agentCode: d.agentCode,
        policyNo: d.policyNo,
        receivedOn: isoDateOf(d.receivedDay),
        kind: d.kind,
        verified: d.verifiedDay !== null,
        verifiedOn: d.verifiedDay === null ? null : isoDateOf(d.verifiedDay),
        summary: d.summary,
      };
    }
  }
}
