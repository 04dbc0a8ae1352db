import path from 'node:path';
import { chinaToday } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { importAgents } from '../agents/agents.service.js';
import { type ComplaintImportSummary, importComplaints } from '../complaints/complaints.service.js';
import { addDays } from '../intake/china-time.js';
import { type ImportSummary, importApplications } from '../intake/intake.service.js';
import { writeBook } from './write-book.js';

export const DEMO_SEED = 20261203;
const DEMO_DAYS = 20;

/** Writes a synthetic book (agents, applications, complaints) ending yesterday, China time. */
export async function writeDemoBook(
  dir: string,
  options: { applications: number; seed?: number; today?: string },
): Promise<Awaited<ReturnType<typeof writeBook>>> {
  const today = options.today ?? chinaToday({ now: () => new Date() });
  return writeBook(dir, {
    seed: options.seed ?? DEMO_SEED,
    applications: options.applications,
    from: addDays(today, -DEMO_DAYS),
    days: DEMO_DAYS,
  });
}

/**
 * Generates the demo book into `<data dir>/demo` and loads it: the agent register, the complaints
 * register (P5.14), then the applications through the gate.
 */
export async function loadDemoBook(
  deps: Deps,
  options: { applications: number; seed?: number },
): Promise<{ dir: string; from: string; summary: ImportSummary; complaints: ComplaintImportSummary }> {
  const dir = path.join(deps.config.dataDir, 'demo');
  const today = chinaToday(deps.clock);
  const book = await writeDemoBook(dir, { ...options, today });
  await importAgents(deps, book.agentsFile);
  const complaints = await importComplaints(deps, book.complaintsFile);
  const summary = await importApplications(deps, book.applicationsFile);
  return { dir, from: addDays(today, -DEMO_DAYS), summary, complaints };
}
