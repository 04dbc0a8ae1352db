import type { Insertable } from 'kysely';
import type { Deps } from '../../platform/context.js';
import type { LinkTable, ProblemItemTable } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import type { WorkingCalendar } from '../calendar/calendar.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { sellersToRecheck } from '../complaints/complaints.service.js';
import { isRealDate } from '../intake/china-time.js';
import { type Cluster, clusterOf, hasNewcomer, partiesByPolicy } from './clusters.js';
import { coolingOffEndsOf } from './cooling-off.service.js';
import * as repo from './linkage.repository.js';
import { dueOn, FLOOD_HOUSEHOLDS, itemNoOf, linkIdOf, type ScanRule } from './problem-items.js';

/** A problem item as the contract gives it (INTERCHANGE §5). */
export interface ProblemItem {
  itemNo: string;
  policyNo: string;
  rule: ScanRule;
  relatedPolicyNos: string[];
  linkId: string;
  detectedOn: string;
  dueOn: string;
  coolingOffEndsOn: string | null;
  status: string;
}

export interface ScanResult {
  asOf: string;
  mode: 'daily' | 'full';
  /** Applications taken in by this run. */
  applications: number;
  /** Items raised by this run, in item-number order. */
  items: ProblemItem[];
  /** Calendar warnings behind the deadlines (a year without official data). */
  deadlineWarnings: string[];
  /** Items raised, counted by rule, by channel and by branch. */
  summary: { byRule: Record<string, number>; byChannel: Record<string, number>; byBranch: Record<string, number> };
}

/** A clue found: the policies of one link that need an item, and what the link looks like. */
interface Finding {
  rule: ScanRule;
  linkId: string;
  kind: string;
  cluster: Cluster;
  /** Policies of the link that may get an item (all, or only the ones using a seller's contact). */
  policies: string[];
}

const CONTACT_RULE = { phone: 'SHARED_PHONE', account: 'SHARED_ACCOUNT' } as const;

/**
 * The scan of day D (P5.7, P5.11, P5.14): takes every accepted application entered before D and
 * not scanned yet (or, in a full scan, every one), compares its contacts with the whole book on
 * blind indexes only, and writes each new clue as a problem item with its deadline. Running it
 * again for the same day adds nothing; a full scan finds the same items a day-by-day run found.
 */
export async function scanBook(
  deps: Deps,
  options: { asOf: string; mode?: 'daily' | 'full'; writeLockFirst?: boolean },
): Promise<ScanResult> {
  const { asOf } = options;
  const mode = options.mode ?? 'daily';
  if (!isRealDate(asOf)) {
    throw new AppError('BAD_INPUT', {
      zh: '扫描日应为真实日期 YYYY-MM-DD',
      en: 'the scan day must be a real date YYYY-MM-DD',
    });
  }
  const startedAt = deps.clock.now().toISOString();
  const calendar = await loadCalendar(deps);
  const recheck = (await sellersToRecheck(deps, asOf)).map((s) => s.agentCode);

  const inTransaction = <T>(work: (trx: Trx) => Promise<T>) =>
    options.writeLockFirst ? deps.db.writeLockedTransaction(work) : deps.db.kysely.transaction().execute(work);
  return inTransaction(async (trx) => {
    // The daily scan costs in proportion to what is new; the full scan never lists the whole book.
    const waiting = mode === 'daily' ? await repo.waitingApplications(trx, asOf) : null;
    // The contact values of what is new (daily); undefined means the whole book (full).
    const touched = waiting ? await repo.contactValuesOf(trx, waiting) : undefined;
    const findings = [
      ...(await findSharedContacts(trx, touched, asOf)),
      ...(await findAgentContacts(trx, touched, asOf)),
      ...(await findSellersUnderRecheck(trx, recheck, asOf)),
    ];
    const items = await raiseItems(trx, findings, asOf, calendar, startedAt);
    let applications: number;
    if (waiting) {
      await repo.markScanned(trx, waiting, asOf);
      applications = waiting.length;
    } else {
      applications = await repo.countScannable(trx, asOf);
      await repo.markWaitingScanned(trx, asOf);
    }
    await repo.recordScanRun(trx, {
      asOf,
      mode,
      startedAt,
      finishedAt: deps.clock.now().toISOString(),
      applications,
      itemsRaised: items.length,
    });
    const deadlineWarnings = [...new Set(items.flatMap((i) => i.warnings))];
    if (deadlineWarnings.length > 0) deps.logger.warn({ asOf, deadlineWarnings }, 'deadlines on an assumed calendar');
    const raised = items.map((i) => i.item);
    const facts = await repo.applicationsByPolicy(trx, [...new Set(raised.map((i) => i.policyNo))]);
    const summary = {
      byRule: countBy(raised, (i) => i.rule),
      byChannel: countBy(raised, (i) => facts.get(i.policyNo)?.channel ?? '—'),
      byBranch: countBy(raised, (i) => facts.get(i.policyNo)?.branchCode ?? '—'),
    };
    return { asOf, mode, applications, items: raised, deadlineWarnings, summary };
  });
}

type Trx = Deps['db']['kysely'];

/**
 * SHARED_PHONE, SHARED_ACCOUNT (P5.7): one value on two or more households. `touched` are the
 * contact values of a daily scan's new applications; undefined means the full scan.
 */
async function findSharedContacts(
  trx: Trx,
  touched: repo.ContactValue[] | undefined,
  asOf: string,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const kind of ['phone', 'account'] as const) {
    const values = touched
      ? touched.filter((v) => v.kind === kind).map((v) => v.bidx)
      : await repo.sharedValues(trx, kind);
    const holders = await repo.holdersOf(trx, kind, values, asOf);
    const parties = partiesByPolicy(
      await repo.partiesOf(trx, [...new Set([...holders.values()].flat().map((h) => h.policyNo))]),
    );
    for (const [bidx, list] of holders) {
      const cluster = clusterOf(list, parties);
      if (cluster.households < 2) continue;
      const rule = CONTACT_RULE[kind];
      findings.push({ rule, linkId: linkIdOf(rule, `${kind}:${bidx}`), kind, cluster, policies: cluster.policies });
    }
  }
  return findings;
}

/** AGENT_CONTACT (P5.11): a customer's phone or address is a seller's own or a seller's relative's. */
async function findAgentContacts(trx: Trx, touched: repo.ContactValue[] | undefined, asOf: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const kind of ['phone', 'address'] as const) {
    const values = touched
      ? touched.filter((v) => v.kind === kind).map((v) => v.bidx)
      : await repo.agentValuesInUse(trx, kind);
    const matches = await repo.agentContactsMatching(trx, kind, values);
    if (matches.length === 0) continue;
    // value → the sellers whose *own* contact it is: only they may use it on their own policies.
    const byValue = new Map<string, Set<string>>();
    for (const m of matches) {
      const own = byValue.get(m.bidx) ?? new Set<string>();
      if (m.agentIdBidx && m.owner === 'self') own.add(m.agentIdBidx);
      byValue.set(m.bidx, own);
    }
    const holders = await repo.holdersOf(trx, kind, [...byValue.keys()], asOf);
    const customerBidx = await repo.customerIdBidxs(
      trx,
      [...holders.values()].flat().map((h) => h.member),
    );
    for (const [bidx, list] of holders) {
      // The seller using their own contact on their own policy is no clue.
      const sellers = byValue.get(bidx) ?? new Set<string>();
      const customers = list.filter((h) => !sellers.has(customerBidx.get(h.member) ?? ''));
      if (customers.length === 0) continue;
      const cluster = clusterOf(customers, () => []);
      const linkId = linkIdOf('AGENT_CONTACT', `${kind}:${bidx}`);
      findings.push({ rule: 'AGENT_CONTACT', linkId, kind, cluster, policies: cluster.policies });
    }
  }
  return findings;
}

/** COMPLAINT_RECHECK (P5.14): every policy of a seller with two verified misleading-sales complaints in a year. */
async function findSellersUnderRecheck(trx: Trx, agentCodes: string[], asOf: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const agentCode of agentCodes) {
    const policies = await repo.policiesOfSellers(trx, [agentCode], asOf);
    if (policies.length === 0) continue;
    findings.push({
      rule: 'COMPLAINT_RECHECK',
      linkId: linkIdOf('COMPLAINT_RECHECK', agentCode),
      kind: 'seller',
      cluster: { households: 1, members: [agentCode], policies },
      policies,
    });
  }
  return findings;
}

interface RaisedItem {
  item: ProblemItem;
  warnings: string[];
}

/** Writes the items the findings call for: one per policy and link, one in all for a flood. */
async function raiseItems(
  trx: Trx,
  findings: Finding[],
  asOf: string,
  calendar: WorkingCalendar,
  now: string,
): Promise<RaisedItem[]> {
  const links = await repo.findLinks(
    trx,
    findings.map((f) => f.linkId),
  );
  const existing = await repo.itemsOfLinks(
    trx,
    findings.map((f) => f.linkId),
  );
  const itemized = new Set(existing.map((i) => `${i.link_id}\u0000${i.policy_no}`));
  const itemsByLink = new Map<string, typeof existing>();
  for (const i of existing) {
    const list = itemsByLink.get(i.link_id);
    if (list) list.push(i);
    else itemsByLink.set(i.link_id, [i]);
  }
  const coolingOffEnds = await coolingOffEndsOf(
    trx,
    findings.flatMap((f) => f.policies),
  );
  let sequence = await repo.lastItemSequence(trx, asOf);
  const raised: RaisedItem[] = [];
  const rows: Insertable<ProblemItemTable>[] = [];

  for (const finding of findings) {
    const link = links.get(finding.linkId);
    if (link?.status === 'cleared' && !hasNewcomer(finding.cluster.members, JSON.parse(link.cleared_members ?? '[]'))) {
      continue;
    }
    await repo.saveLink(trx, linkRow(finding, link, asOf));
    const flood = finding.rule !== 'COMPLAINT_RECHECK' && finding.cluster.households > FLOOD_HOUSEHOLDS;
    const linkItems = itemsByLink.get(finding.linkId) ?? [];
    if (flood && linkItems.length > 0) {
      const first = linkItems[0] as (typeof linkItems)[number];
      const related = finding.cluster.policies.filter((p) => p !== first.policy_no);
      if (related.length !== JSON.parse(first.related_policy_nos).length) {
        await repo.updateRelated(trx, first.item_no, related, now);
      }
      continue;
    }
    const candidates = finding.policies.filter((p) => !itemized.has(`${finding.linkId}\u0000${p}`));
    for (const policyNo of flood ? candidates.slice(0, 1) : candidates) {
      const coolingOff = coolingOffEnds.get(policyNo) ?? null;
      const deadline = dueOn(calendar, asOf, coolingOff);
      sequence += 1;
      const item: ProblemItem = {
        itemNo: itemNoOf(asOf, sequence),
        policyNo,
        rule: finding.rule,
        relatedPolicyNos:
          finding.rule === 'COMPLAINT_RECHECK' ? [] : finding.cluster.policies.filter((p) => p !== policyNo),
        linkId: finding.linkId,
        detectedOn: asOf,
        dueOn: deadline.dueOn,
        coolingOffEndsOn: coolingOff,
        status: 'open',
      };
      itemized.add(`${finding.linkId}\u0000${policyNo}`);
      raised.push({ item, warnings: deadline.warnings.map((w) => `${w.zh} (${w.en})`) });
      rows.push({
        item_no: item.itemNo,
        policy_no: policyNo,
        rule: item.rule,
        link_id: item.linkId,
        related_policy_nos: JSON.stringify(item.relatedPolicyNos),
        detected_on: asOf,
        due_on: item.dueOn,
        cooling_off_ends_on: coolingOff,
        status: 'open',
        deadline_warnings: JSON.stringify(deadline.warnings),
        created_at: now,
        updated_at: now,
      });
    }
  }
  await repo.insertItems(trx, rows);
  return raised;
}

function linkRow(finding: Finding, link: LinkTable | undefined, asOf: string): LinkTable {
  return {
    link_id: finding.linkId,
    rule: finding.rule,
    kind: finding.kind,
    status: 'open',
    households: finding.cluster.households,
    members: JSON.stringify(finding.rule === 'COMPLAINT_RECHECK' ? [] : finding.cluster.members),
    cleared_members: link?.cleared_members ?? null,
    first_detected_on: link?.first_detected_on ?? asOf,
    last_detected_on: asOf,
  };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}
