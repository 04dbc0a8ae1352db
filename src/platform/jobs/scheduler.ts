import { performance } from 'node:perf_hooks';
import { Cron } from 'croner';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import {
  chinaDateOf,
  type Decision,
  dailyPattern,
  decide,
  nextRun,
  parseTimeOfDay,
  type TimeOfDay,
  type WorkingDayTest,
} from './schedule.js';

/** A job run once each working day at a China time of day (P5.7: the T+1 scan). */
export interface DailyJob {
  /** Names the job in logs; one run of a name at a time. */
  name: string;
  /** China time of day, HH:MM. */
  at: string;
  /** The work of one China date. */
  run(day: string): Promise<void>;
  /** Whether that day's run was already done (by an earlier process, the CLI or the API). */
  doneOn?(day: string): Promise<boolean>;
}

export interface SchedulerOptions {
  /** Decides what day it is and whether a run is due; croner only wakes the scheduler. */
  clock: Clock;
  logger: Logger;
  /** The working-day calendar, read again for each decision (an override may have been stored since). */
  workingDays(): Promise<WorkingDayTest>;
}

export type RunAnswer = Decision | { run: false; reason: 'running' | 'stopped' | 'failed' };

export interface Scheduler {
  /** Runs the job at its time each working day (and wakes each hour after it that day, see `dailyPattern`). */
  daily(job: DailyJob): void;
  /**
   * Runs the job if it is due now; resolves when that run has ended. Never rejects: failures are
   * logged. At start-up it runs a day's run that was missed while the process was down.
   */
  runIfDue(name: string): Promise<RunAnswer>;
  /** When the job will next run: now if today's run is due (or running). */
  next(name: string): Promise<Date | undefined>;
  /** Stops future runs and resolves when the running ones have finished (graceful shutdown). */
  stop(): Promise<void>;
}

interface Entry {
  job: DailyJob;
  at: TimeOfDay;
  cron: Cron | undefined;
  running: Promise<RunAnswer> | undefined;
  lastDone: string | undefined;
}

/** An in-process scheduler (croner, China time) for one process on the embedded store. */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { clock, logger } = options;
  const entries = new Map<string, Entry>();
  let stopped = false;

  const entryOf = (name: string): Entry => {
    const entry = entries.get(name);
    if (!entry) throw new Error(`no job named ${name}`);
    return entry;
  };

  async function decideNow(entry: Entry, now: Date, isWorkingDay: WorkingDayTest): Promise<Decision> {
    const decision = decide({ now, at: entry.at, isWorkingDay, lastDone: entry.lastDone });
    if (decision.run && (await entry.job.doneOn?.(decision.day))) {
      entry.lastDone = decision.day;
      return { run: false, day: decision.day, reason: 'already-ran' };
    }
    return decision;
  }

  async function check(entry: Entry): Promise<RunAnswer> {
    const job = entry.job.name;
    let decision: Decision;
    try {
      decision = await decideNow(entry, clock.now(), await options.workingDays());
    } catch (error) {
      logger.error({ job, err: error }, 'job: could not decide whether it is due');
      return { run: false, reason: 'failed' };
    }
    if (!decision.run) {
      logger.debug({ job, day: decision.day, reason: decision.reason }, 'job: not run');
      return decision;
    }
    if (stopped) return { run: false, reason: 'stopped' };
    const started = performance.now();
    logger.info({ job, day: decision.day }, 'job started');
    try {
      await entry.job.run(decision.day);
      entry.lastDone = decision.day;
      logger.info({ job, day: decision.day, ms: Math.round(performance.now() - started) }, 'job finished');
      return decision;
    } catch (error) {
      logger.error({ job, day: decision.day, ms: Math.round(performance.now() - started), err: error }, 'job failed');
      return { run: false, reason: 'failed' };
    }
  }

  const scheduler: Scheduler = {
    daily(job) {
      if (entries.has(job.name)) throw new Error(`job ${job.name} is already scheduled`);
      const at = parseTimeOfDay(job.at);
      const entry: Entry = { job, at, cron: undefined, running: undefined, lastDone: undefined };
      entries.set(job.name, entry);
      entry.cron = new Cron(dailyPattern(at), { timezone: 'Asia/Shanghai' }, () => {
        void scheduler.runIfDue(job.name);
      });
    },

    runIfDue(name) {
      const entry = entryOf(name);
      if (stopped) return Promise.resolve({ run: false, reason: 'stopped' });
      if (entry.running) {
        logger.warn({ job: name }, 'job: the previous run has not finished; this one is skipped');
        return Promise.resolve({ run: false, reason: 'running' });
      }
      const running = check(entry).finally(() => {
        entry.running = undefined;
      });
      entry.running = running;
      return running;
    },

    async next(name) {
      const entry = entryOf(name);
      const isWorkingDay = await options.workingDays();
      const now = clock.now();
      const today = chinaDateOf(now);
      // Today's run may have been done already by another process (`init --demo`, the CLI, a restart).
      if (entry.lastDone !== today && (await entry.job.doneOn?.(today))) entry.lastDone = today;
      return nextRun({ now, at: entry.at, isWorkingDay, lastDone: entry.lastDone });
    },

    async stop() {
      stopped = true;
      for (const entry of entries.values()) entry.cron?.stop();
      await Promise.all([...entries.values()].map((e) => e.running));
    },
  };
  return scheduler;
}
