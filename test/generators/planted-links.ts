/**
 * A book with planted links and the exact problem items a scan must raise for it (INTERCHANGE
 * §4–5): an agent register, a complaints register and gate-clean applications entered over the
 * days before a scan day D — and some on D itself, for the next day's scan. Each application carries
 * no clue or the clues planted in it; every value is written in the forms people write it.
 *
 * Independent of the scan (src/modules/linkage) and of the demo generator: its own random numbers,
 * ID check code, phone and account forms. What it expects, per link:
 * - SHARED_PHONE / SHARED_ACCOUNT: every policy holding the value, once its holders make two or more
 *   households (family — spouse, child, parent — on a policy where they appear together is one);
 *   more than FLOOD_HOUSEHOLDS households raise one item, on the first policy by number;
 * - AGENT_CONTACT: every policy of a customer, other than the seller themself, using a seller's or a
 *   registered relative's phone or address, whoever sold it;
 * - COMPLAINT_RECHECK: every policy of a seller with two or more verified misleading-sales complaints
 *   verified in (D − 1 year, D];
 * - items of one link list the link's other policies as related; a link cleared as legitimate
 *   rises again only with a new customer.
 */
import { FLOOD_HOUSEHOLDS } from '../../src/modules/linkage/problem-items.js';
import type { AgentRecord, ComplaintRecord } from '../../src/shared/contract.js';
import { Book, type LinkApplication, type Rule } from './planted-links/book.js';
import { ordinaryComplaints } from './planted-links/complaint-plants.js';
import { Dice } from './planted-links/dice.js';
import { unique } from './planted-links/non-clue-plants.js';
import { addDays, People } from './planted-links/people.js';
import { plan } from './planted-links/plants.js';
import { Register } from './planted-links/register.js';
import { Values } from './planted-links/values.js';

export type { LinkApplication, Rule } from './planted-links/book.js';
export { PLANT_KINDS } from './planted-links/plants.js';

export interface PlantedLinksOptions {
  seed?: number;
  /** Applications in all (about: plants come whole). */
  count?: number;
  /** Day D of the first scan. */
  scanDay?: string;
  /** The book is entered over this many days before D. */
  spreadDays?: number;
}

/** A link as a scan must raise it on one day. */
export interface PlantedLink {
  /** The same key on both days is the same link: one linkId. */
  key: string;
  rule: Rule;
  day: 'first' | 'next';
  /** Every policy of the link as of that scan (each item's related = these but its own). */
  policies: string[];
  /** Policies that get an item that day. */
  items: string[];
  plant: string;
}

export interface PlantedLinks {
  scanDay: string;
  nextDay: string;
  agents: AgentRecord[];
  complaints: ComplaintRecord[];
  /** Complaints sent again after the first scan (verified since). */
  complaintUpdates: ComplaintRecord[];
  /** In file order. */
  applications: LinkApplication[];
  /** Applications entered before D (the first scan's), and on D (the next day's). */
  entered: { before: number; on: number };
  /** `${rule} ${policyNo}`, sorted: what the scan as of D raises. */
  expected: string[];
  /** What the scan as of D + 1 adds, after the clearing and the complaint updates. */
  nextDayExpected: string[];
  links: PlantedLink[];
  /** Links the back office clears as legitimate between the two scans: a rule and a policy of the link. */
  clearAfterFirstScan: Array<{ rule: Rule; policyNo: string }>;
  plants: Array<{ id: number; kinds: string[]; variant: string; policyNos: string[] }>;
  /** policyNo → what was planted there, for readable failures. */
  plantOf: Record<string, string>;
}

export function plantedLinks(options: PlantedLinksOptions = {}): PlantedLinks {
  const { seed = 1, count = 3000, scanDay = '2026-12-08', spreadDays = 6 } = options;
  const dice = new Dice(seed);
  const values = new Values(dice);
  const people = new People(dice, values, scanDay);
  const register = new Register(dice, values, people, '2024-03-01');
  register.addBackground({ agent: 36, bancassurance_specialist: 10, agency: 5 });
  const book = new Book(dice, values, people, register, scanDay, spreadDays);
  ordinaryComplaints(register, [...register.sellers], book);

  const calls = plan(FLOOD_HOUSEHOLDS).flatMap(([plant, times]) =>
    Array.from({ length: times }, (_, i) => () => plant(book, i)),
  );
  for (const call of dice.shuffle(calls)) call();
  while (book.drafts.length < count) unique(book, dice.chance(0.1) ? 'on' : 'before');

  // Policy numbers by China day of entry, in order of entry: P + YYYYMMDD + sequence.
  const perDay = new Map<string, number>();
  const byTime = [...book.drafts].sort((a, b) => a.instant - b.instant);
  for (const draft of byTime) {
    const day = new Date(draft.instant + 8 * 3600_000).toISOString().slice(0, 10);
    const n = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, n);
    draft.record.policyNo = `P${day.replaceAll('-', '')}${String(n).padStart(5, '0')}`;
  }

  const plantOf: Record<string, string> = {};
  for (const instance of book.instances) {
    for (const draft of instance.drafts) {
      plantOf[draft.record.policyNo] = `#${instance.id} ${instance.kinds.join(' + ')} — ${instance.variant}`;
    }
  }
  const links: PlantedLink[] = book.links.map((link) => {
    const policies = link.policies.map((d) => d.record.policyNo).sort();
    const items = link.items === 'flood' ? policies.slice(0, 1) : link.items.map((d) => d.record.policyNo).sort();
    return { key: link.key, rule: link.rule, day: link.day, policies, items, plant: plantOf[policies[0] ?? ''] ?? '' };
  });
  const itemsOf = (day: 'first' | 'next') =>
    links
      .filter((l) => l.day === day)
      .flatMap((l) => l.items.map((p) => `${l.rule} ${p}`))
      .sort();

  return {
    scanDay,
    nextDay: addDays(scanDay, 1),
    agents: register.sellers.map((s) => s.record),
    complaints: register.complaints,
    complaintUpdates: register.complaintUpdates,
    applications: dice.shuffle(book.drafts).map((d) => d.record),
    entered: {
      before: book.drafts.filter((d) => d.entered === 'before').length,
      on: book.drafts.filter((d) => d.entered === 'on').length,
    },
    expected: itemsOf('first'),
    nextDayExpected: itemsOf('next'),
    links,
    clearAfterFirstScan: book.cleared.map((c) => ({ rule: c.rule, policyNo: c.draft.record.policyNo })),
    plants: book.instances.map((i) => ({
      id: i.id,
      kinds: i.kinds,
      variant: i.variant,
      policyNos: i.drafts.map((d) => d.record.policyNo).sort(),
    })),
    plantOf,
  };
}
