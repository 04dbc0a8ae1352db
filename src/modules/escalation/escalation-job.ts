import type { Deps } from '../../platform/context.js';
import type { DailyJob } from '../../platform/jobs/scheduler.js';
import { type EscalationReport, escalateOverdue } from './escalation.service.js';

/**
 * P5.13: each working day, the scan and then the escalation of what is overdue, as one scheduled
 * job so the escalation always follows the day's scan. A scan already run that day (from the API
 * or the CLI) is not run again; the escalation still is.
 */
export function scanThenEscalate(
  deps: Deps,
  scan: DailyJob,
  afterEscalation: (report: EscalationReport) => void = () => {},
): DailyJob {
  let escalatedOn: string | undefined;
  return {
    name: scan.name,
    at: scan.at,
    doneOn: async (day) => escalatedOn === day && ((await scan.doneOn?.(day)) ?? false),
    async run(day) {
      if (!(await scan.doneOn?.(day))) await scan.run(day);
      const report = await escalateOverdue(deps, { asOf: day });
      escalatedOn = day;
      afterEscalation(report);
    },
  };
}
