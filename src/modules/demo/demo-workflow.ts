import { scopeFromJson } from '../../platform/access/scope.js';
import type { AuditContext } from '../../platform/audit/audit-events.js';
import { chinaToday, fixedClock } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import type { Staff } from '../cases/case-actor.js';
import type { LegitimateReason } from '../cases/case-rules.js';
import { correctItem } from '../cases/correction.service.js';
import { distributeAllOpen } from '../cases/distribution.service.js';
import { replaceRules } from '../cases/distribution-rules.service.js';
import { uploadEvidence } from '../cases/evidence.service.js';
import { recordWork, submitItem } from '../cases/investigation.service.js';
import { verifyItem } from '../cases/verification.service.js';
import { escalateOverdue } from '../escalation/escalation.service.js';
import { addDays } from '../intake/china-time.js';
import type { ListedProblemItem } from '../linkage/items.service.js';
import { listItems } from '../linkage/items.service.js';
import { scanBook } from '../linkage/scan.service.js';
import { findUserByName } from '../users/users.repository.js';
import { demoPdf } from './demo-pdf.js';
import { unitFromKey } from './prng.js';

/**
 * The demo's last working days replayed (P5.7, P5.13): each working day the scan runs as of that
 * day, customer service distributes what it raised, the back offices work the items they have had
 * for two working days (evidence, a correction or an explanation, then submit), compliance verifies
 * what was submitted the day before (and sends some back), and the overdue are escalated.
 * Some items are left alone, so the console opens on a book in service: every status, some overdue.
 * Deterministic for a given book and day.
 */
export async function replayDemoWork(deps: Deps, options: { from: string; to: string }): Promise<ReplaySummary> {
  const calendar = await loadCalendar(deps);
  const staff = await demoStaff(deps);
  await setDemoRules(deps, staff);
  const days: string[] = [];
  for (let day = options.from; day <= options.to; day = addDays(day, 1)) {
    if (calendar.isWorkingDay(day).working) days.push(day);
  }
  const summary: ReplaySummary = { days: days.length, scanned: 0, distributed: 0, submitted: 0, closed: 0 };
  // Back offices whose first item was left alone: each has at least one overdue item to show.
  const seen = new Set<number>();
  for (const [index, day] of days.entries()) {
    const at = (time: string): Deps => ({ ...deps, clock: fixedClock(`${day}T${time}:00+08:00`) });
    summary.scanned += (await scanBook(at('06:30'), { asOf: day })).items.length;
    await escalateOverdue(at('06:40'), { asOf: day });
    // Today stands as it is first thing in the morning: today's items wait for customer service.
    if (index === days.length - 1) break;
    await distributeAllOpen(at('09:10'), staff.kefu, contextOf(staff.kefu), (results) => {
      summary.distributed += results.filter((r) => r.assignee).length;
    });
    // Yesterday's submissions are verified before the day's work comes in.
    summary.closed += await verifyItems(at('10:20'), staff, day);
    const twoDaysAgo = days[index - 2];
    if (twoDaysAgo)
      summary.submitted += await workItems(at('15:30'), staff, { distributedOn: twoDaysAgo, today: day, seen });
  }
  return summary;
}

export interface ReplaySummary {
  days: number;
  scanned: number;
  distributed: number;
  submitted: number;
  closed: number;
}

type DemoStaff = Record<'kefu' | 'hegui' | 'neiqin' | 'neiqin2' | 'yinbao' | 'zhongjie', Staff>;

async function demoStaff(deps: Deps): Promise<DemoStaff> {
  const one = async (username: string): Promise<Staff> => {
    const row = await findUserByName(deps.db.kysely, username);
    if (!row) throw new Error(`demo user ${username} is missing`);
    return { userId: row.id, username, role: row.role as Staff['role'], scope: scopeFromJson(row.scope) };
  };
  const names = ['kefu', 'hegui', 'neiqin', 'neiqin2', 'yinbao', 'zhongjie'] as const;
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await one(n)]))) as DemoStaff;
}

const contextOf = (staff: Staff): AuditContext => ({ actor: { kind: 'user', name: staff.username } });

/** P5.13: customer service's routing, one back office per channel (and the agent channel by region). */
async function setDemoRules(deps: Deps, staff: DemoStaff): Promise<void> {
  const rule = (priority: number, who: Staff, channel: string, branchPrefix: string | null = null) => ({
    priority,
    channel,
    branchPrefix,
    agentCode: null,
    assigneeId: who.userId as number,
  });
  await replaceRules(deps, staff.kefu, contextOf(staff.kefu), [
    rule(10, staff.neiqin, 'agent', 'GD'),
    rule(20, staff.neiqin2, 'agent'),
    rule(10, staff.yinbao, 'bancassurance'),
    rule(10, staff.zhongjie, 'agency'),
  ]);
}

/** Every item that satisfies `filter`, page by page. */
async function allItems(deps: Deps, filter: Parameters<typeof listItems>[1]): Promise<ListedProblemItem[]> {
  const out: ListedProblemItem[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await listItems(deps, filter, { limit: 500, offset });
    out.push(...page);
    if (page.length < 500) return out;
  }
}

const chance = (itemNo: string, salt: number) => unitFromKey(hashOf(`${salt}:${itemNo}`));

/**
 * The items distributed on `distributedOn` and not yet worked: each back office's first and one in
 * five of the rest are left to go overdue, one in eight is started but not finished; returned
 * items are taken up again on half the days.
 */
async function workItems(
  deps: Deps,
  staff: DemoStaff,
  days: { distributedOn: string; today: string; seen: Set<number> },
): Promise<number> {
  const { distributedOn, today, seen } = days;
  const byId = new Map(Object.values(staff).map((s) => [s.userId, s]));
  const fresh = (await allItems(deps, { status: 'distributed' })).filter((i) => i.distributedOn === distributedOn);
  const returned = (await allItems(deps, { status: 'returned' })).filter((i) => chance(i.itemNo + today, 5) < 0.5);
  let submitted = 0;
  for (const item of [...fresh, ...returned]) {
    const assignee = item.assignee && byId.get(item.assignee.id);
    if (!assignee) continue;
    const roll = chance(item.itemNo, 1);
    const first = !seen.has(assignee.userId as number);
    seen.add(assignee.userId as number);
    if (item.status === 'distributed' && (first || roll < 0.2)) continue;
    if (item.status === 'distributed' && roll < 0.32) {
      await startOne(deps, assignee, item);
      continue;
    }
    if (await workOne(deps, assignee, item)) submitted += 1;
  }
  return submitted;
}

/** A first call and the report drafted: the item stays under investigation. */
async function startOne(deps: Deps, who: Staff, item: ListedProblemItem): Promise<void> {
  await recordWork(deps, who, contextOf(who), item.itemNo, {
    kind: 'call',
    note: '已致电投保人，未接通，约定次日再联系。',
  });
}

const REPORT = ['Veracity demo', 'Investigation report / diao cha bao gao', 'Signed: back office'];
const CONFIRMATION = ['Veracity demo', "Customer's signed confirmation / ke hu que ren shu"];

async function workOne(deps: Deps, who: Staff, item: ListedProblemItem): Promise<boolean> {
  const context = contextOf(who);
  if (item.status === 'returned') {
    await recordWork(deps, who, context, item.itemNo, { kind: 'documents', note: '按核实意见补充客户签字材料。' });
    await uploadEvidence(deps, who, context, item.itemNo, {
      kind: 'customer_confirmation',
      fileName: 'customer-confirmation-2.pdf',
      content: demoPdf([...CONFIRMATION, `Item ${item.itemNo}, supplement of ${today(deps)}`]),
    });
    await submitItem(deps, who, context, item.itemNo, {
      resolution: item.resolution === 'corrected' ? 'corrected' : 'legitimate',
      legitimateReason: item.resolution === 'corrected' ? undefined : 'family',
      note: '已补充材料，请再次核实。',
    });
    return true;
  }
  await recordWork(deps, who, context, item.itemNo, { kind: 'call', note: '已电话联系投保人核实联系方式。' });
  await uploadEvidence(deps, who, context, item.itemNo, {
    kind: 'investigation_report',
    fileName: 'investigation-report.pdf',
    content: demoPdf([...REPORT, `Item ${item.itemNo}`]),
  });
  // A phone that should not be there is corrected with the customer's own; the rest are explained.
  if ((item.rule === 'SHARED_PHONE' || item.rule === 'AGENT_CONTACT') && chance(item.itemNo, 2) < 0.5) {
    const phone = `139${String(hashOf(item.itemNo) % 100_000_000).padStart(8, '0')}`;
    const corrected = await correctItem(deps, who, context, item.itemNo, { party: 'applicant', phones: [phone] });
    if (corrected.accepted) {
      await submitItem(deps, who, context, item.itemNo, {
        resolution: 'corrected',
        note: '投保人确认原电话为销售人员代填，已更正为本人手机号。',
      });
      return true;
    }
  }
  await uploadEvidence(deps, who, context, item.itemNo, {
    kind: 'customer_confirmation',
    fileName: 'customer-confirmation.pdf',
    content: demoPdf([...CONFIRMATION, `Item ${item.itemNo}`]),
  });
  const reasons: LegitimateReason[] = ['family', 'same_household', 'same_employer'];
  await submitItem(deps, who, context, item.itemNo, {
    resolution: 'legitimate',
    legitimateReason: reasons[Math.floor(chance(item.itemNo, 3) * reasons.length)] ?? 'family',
    note: '经回访核实，关联客户为同一家庭或单位，资料真实。',
  });
  return true;
}

/** Compliance verifies what is waiting: most accepted, one in eight sent back. */
async function verifyItems(deps: Deps, staff: DemoStaff, today: string): Promise<number> {
  let closed = 0;
  for (const item of await allItems(deps, { status: 'submitted' })) {
    const context = contextOf(staff.hegui);
    if (chance(item.itemNo + today, 4) < 0.125) {
      await verifyItem(deps, staff.hegui, context, item.itemNo, {
        decision: 'return',
        reason: '缺少客户本人签字确认，请补充。',
      });
    } else {
      await verifyItem(deps, staff.hegui, context, item.itemNo, { decision: 'accept' });
      closed += 1;
    }
  }
  return closed;
}

/** The day the replay stands on (its clock is pinned to it). */
const today = (deps: Deps) => chinaToday(deps.clock);

function hashOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
