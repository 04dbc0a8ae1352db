import { AgentDirectory } from './agent-directory.js';
import { parseIsoDate } from './dates.js';
import { Schedule } from './schedule.js';

export interface BookOptions {
  seed: number;
  applications: number;
  /** Default applications / 40, at least 20. */
  agents?: number;
  /** YYYY-MM-DD, the first appliedAt day (China time). */
  from: string;
  /** appliedAt is spread over this many days. */
  days: number;
  /** Default true: about 4% of applications carry one realistic defect. */
  defects?: boolean;
  /** Default true: plant shared phones / accounts and agent-contact misuse at about 1%. */
  sharedContacts?: boolean;
}

/** Options resolved and the small per-book tables every generator shares. */
export interface Book {
  seed: number;
  applications: number;
  agents: number;
  fromDay: number;
  days: number;
  defects: boolean;
  sharedContacts: boolean;
  schedule: Schedule;
  directory: AgentDirectory;
}

export const DEFAULT_MIN_AGENTS = 20;
export const APPLICATIONS_PER_AGENT = 40;
/** One qualified seller per channel and two unqualified agents are always in the register. */
export const MIN_AGENTS = 5;

export function openBook(options: BookOptions): Book {
  const { seed, applications, days } = options;
  if (!Number.isFinite(seed)) throw new RangeError('seed must be a finite number');
  if (!Number.isInteger(applications) || applications < 0)
    throw new RangeError('applications must be a whole number ≥ 0');
  if (!Number.isInteger(days) || days < 1) throw new RangeError('days must be a whole number ≥ 1');
  const fromDay = parseIsoDate(options.from);
  if (fromDay === undefined) throw new RangeError(`from must be a real date YYYY-MM-DD, got "${options.from}"`);
  const agents = options.agents ?? Math.max(DEFAULT_MIN_AGENTS, Math.floor(applications / APPLICATIONS_PER_AGENT));
  if (!Number.isInteger(agents) || agents < MIN_AGENTS)
    throw new RangeError(`agents must be a whole number ≥ ${MIN_AGENTS}`);
  return {
    seed,
    applications,
    agents,
    fromDay,
    days,
    defects: options.defects ?? true,
    sharedContacts: options.sharedContacts ?? true,
    schedule: new Schedule(fromDay, days, applications),
    directory: new AgentDirectory(seed, agents, fromDay, days),
  };
}
