import type { ComplaintRecord } from '../../shared/contract.js';
import { applicationAt } from './applications.js';
import { type Book, type BookOptions, openBook } from './book.js';
import { isoDateOf, yearOf } from './dates.js';
import { Rng, Weighted } from './prng.js';
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

/** Days from the sale to a complaint about it, at most (revisit calls fall in the cooling-off period). */
const COMPLAINT_AFTER_SALE_MAX = 30;
/** Days from receiving a complaint to verifying it. */
const VERIFY_MIN = 7;
const VERIFY_MAX = 30;
/**
 * A hot seller's verifications lie within this many days of each other, under a year (P5.14
 * counts by verifiedOn); a near miss's two lie further apart than a year.
 */
const HOT_SPREAD = 300;
const NEAR_MISS_GAP_MIN = 420;
const NEAR_MISS_GAP_MAX = 600;

/**
 * The complaints register as of the book's last day: nothing is received or verified after it.
 * A few sellers with two or more verified misleading-sales complaints within a year (P5.14
 * re-check), verified before the book opens so that every day of the book counts them; one seller
 * whose two are more than a year apart; and background complaints (unverified, or of other kinds)
 * that must not trigger the rule. Complaints about the book's policies name them; those about
 * earlier sales have no policy number.
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
  policyNo: string;
  day: number;
}

class ComplaintDrafts {
  private readonly rng: Rng;
  private readonly drafts: Draft[] = [];
  /** Sellers with a verified misleading-sales complaint: a second one is only planted on purpose. */
  private readonly misleadingVerified = new Set<string>();
  /** The book's last day: the register is as of this day. */
  private readonly lastDay: number;

  constructor(private readonly book: Book) {
    this.rng = Rng.of(book.seed, Stream.complaint, 0);
    this.lastDay = book.fromDay + book.days - 1;
  }

  /** Application k as sold, or undefined when its seller code is not in the register (a defect). */
  private sold(k: number): Sold | undefined {
    const { record, defect } = applicationAt(this.book, k);
    if (defect === 'unknown_agent' || defect === 'unqualified_agent') return undefined;
    const agentCode = record.agentCode ?? record.agencyCode;
    if (!agentCode) return undefined;
    return { agentCode, policyNo: record.policyNo, day: this.book.schedule.dayOf(k) };
  }

  private randomSale(): Sold | undefined {
    for (let attempt = 0; attempt < 20; attempt++) {
      const sold = this.sold(this.rng.int(0, this.book.applications - 1));
      if (sold && !this.misleadingVerified.has(sold.agentCode)) return sold;
    }
    return undefined;
  }

  /**
   * A day on which a hot seller's complaint was verified: before the book opens and within the
   * year ending on its last day, so that a re-check as of any day of the book counts it. A book
   * longer than that puts the verifications in its last HOT_SPREAD days instead.
   */
  private hotVerificationDay(): number {
    const latest = this.book.fromDay - 1;
    const earliest = Math.max(latest - HOT_SPREAD, this.lastDay - 364);
    if (earliest <= latest) return this.rng.int(earliest, latest);
    return this.rng.int(this.lastDay - HOT_SPREAD, this.lastDay);
  }

  private push(draft: Draft): void {
    this.drafts.push(draft);
    if (draft.verifiedDay !== null && draft.kind === 'misleading_sales') this.misleadingVerified.add(draft.agentCode);
  }

  /** A complaint about a policy of the book, received by the book's last day; verified only if that too falls by then. */
  private aboutSale(sold: Sold, kind: ComplaintKind, verified: boolean): void {
    const receivedDay = sold.day + this.rng.int(0, Math.min(COMPLAINT_AFTER_SALE_MAX, this.lastDay - sold.day));
    const verifiedDay = receivedDay + this.rng.int(VERIFY_MIN, VERIFY_MAX);
    this.push({
      agentCode: sold.agentCode,
      policyNo: sold.policyNo,
      receivedDay,
      kind,
      verifiedDay: verified && verifiedDay <= this.lastDay ? verifiedDay : null,
      summary: this.rng.pick(SUMMARIES[kind]),
    });
  }

  /** A verified complaint about an earlier sale (outside the book: no policy number). */
  private verifiedEarlier(agentCode: string, kind: ComplaintKind, verifiedDay: number): void {
    this.push({
      agentCode,
      policyNo: null,
      receivedDay: verifiedDay - this.rng.int(VERIFY_MIN, VERIFY_MAX),
      kind,
      verifiedDay,
      summary: this.rng.pick(SUMMARIES[kind]),
    });
  }

  /** A seller of the book with two verified misleading-sales complaints within a year. */
  addHotSeller(): void {
    for (let attempt = 0; attempt < 10; attempt++) {
      const sold = this.sold(this.rng.int(0, this.book.applications - 1));
      if (!sold || this.misleadingVerified.has(sold.agentCode)) continue;
      this.verifiedEarlier(sold.agentCode, 'misleading_sales', this.hotVerificationDay());
      this.verifiedEarlier(sold.agentCode, 'misleading_sales', this.hotVerificationDay());
      // A complaint about one of the book's policies, still being investigated.
      if (this.rng.chance(0.3)) this.aboutSale(sold, this.rng.chance(0.5) ? 'misleading_sales' : 'service', false);
      return;
    }
  }

  /** A seller with two verified misleading-sales complaints well over a year apart: no re-check. */
  addNearMiss(): void {
    const sold = this.randomSale();
    if (!sold) return;
    const recent = this.hotVerificationDay();
    this.verifiedEarlier(sold.agentCode, 'misleading_sales', recent);
    const longAgo = recent - this.rng.int(NEAR_MISS_GAP_MIN, NEAR_MISS_GAP_MAX);
    this.verifiedEarlier(sold.agentCode, 'misleading_sales', longAgo);
  }

  /** About one of the book's policies or, as often, an earlier sale of the same seller in the past year. */
  addBackground(): void {
    const sold = this.randomSale();
    if (!sold) return;
    const kind = BACKGROUND_KINDS.pick(this.rng);
    const verified = kind === 'misleading_sales' ? this.rng.chance(0.4) : this.rng.chance(0.6);
    if (this.rng.chance(0.5)) {
      this.aboutSale(sold, kind, verified);
      return;
    }
    const receivedDay = this.lastDay - this.rng.int(VERIFY_MAX, 330);
    this.push({
      agentCode: sold.agentCode,
      policyNo: null,
      receivedDay,
      kind,
      verifiedDay: verified ? receivedDay + this.rng.int(VERIFY_MIN, VERIFY_MAX) : null,
      summary: this.rng.pick(SUMMARIES[kind]),
    });
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
