import { describe, expect, it } from 'vitest';
import type { Clock } from '../clock.js';
import { createLogger } from '../logging.js';
import { createScheduler, type DailyJob } from './scheduler.js';

/** A clock the test moves by hand. */
function handClock(iso: string): Clock & { set(iso: string): void } {
  let at = new Date(iso);
  return { now: () => new Date(at), set: (next) => (at = new Date(next)) };
}

/** A promise the test settles by hand. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const weekdays = async () => (day: string) => ![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
const logger = createLogger('silent');
const settle = () => new Promise((resolve) => setImmediate(resolve));

function recordingJob(overrides: Partial<DailyJob> = {}) {
  const days: string[] = [];
  const job: DailyJob = {
    name: 'scan',
    at: '06:30',
    run: async (day) => {
      days.push(day);
    },
    ...overrides,
  };
  return { job, days };
}

describe('scheduler', () => {
  it('gives the job the China date, once a day, on working days only', async () => {
    const clock = handClock('2026-12-03T05:00:00+08:00');
    const scheduler = createScheduler({ clock, logger, workingDays: weekdays });
    const { job, days } = recordingJob();
    scheduler.daily(job);
    expect(await scheduler.runIfDue('scan')).toMatchObject({ run: false, reason: 'not-yet' });
    clock.set('2026-12-02T22:30:00Z');
    expect(await scheduler.runIfDue('scan')).toEqual({ run: true, day: '2026-12-03' });
    expect(await scheduler.runIfDue('scan')).toMatchObject({ run: false, reason: 'already-ran' });
    clock.set('2026-12-05T06:30:00+08:00');
    expect(await scheduler.runIfDue('scan')).toMatchObject({ run: false, reason: 'not-a-working-day' });
    expect(days).toEqual(['2026-12-03']);
    await scheduler.stop();
  });

  it('asks the job whether the day was already done elsewhere', async () => {
    const clock = handClock('2026-12-03T09:00:00+08:00');
    const scheduler = createScheduler({ clock, logger, workingDays: weekdays });
    const { job, days } = recordingJob({ doneOn: async (day) => day === '2026-12-03' });
    scheduler.daily(job);
    expect(await scheduler.runIfDue('scan')).toMatchObject({ run: false, reason: 'already-ran' });
    expect((await scheduler.next('scan'))?.toISOString()).toBe('2026-12-03T22:30:00.000Z');
    expect(days).toEqual([]);
    await scheduler.stop();
  });

  it('says when the next run is: later today, or the next working day once today is done', async () => {
    const clock = handClock('2026-12-04T05:00:00+08:00');
    let doneToday = false;
    const scheduler = createScheduler({ clock, logger, workingDays: weekdays });
    scheduler.daily(recordingJob({ doneOn: async () => doneToday }).job);
    expect((await scheduler.next('scan'))?.toISOString()).toBe('2026-12-03T22:30:00.000Z');
    // Friday's scan already run by `init --demo` before the server started: next is Monday.
    doneToday = true;
    expect((await scheduler.next('scan'))?.toISOString()).toBe('2026-12-06T22:30:00.000Z');
    await scheduler.stop();
  });

  it('catches up a missed run when it starts after the hour', async () => {
    const clock = handClock('2026-12-03T09:00:00+08:00');
    const scheduler = createScheduler({ clock, logger, workingDays: weekdays });
    const { job, days } = recordingJob();
    scheduler.daily(job);
    expect(await scheduler.runIfDue('scan')).toEqual({ run: true, day: '2026-12-03' });
    await scheduler.stop();
    expect(days).toEqual(['2026-12-03']);
  });

  it('never runs two instances at once, and stop() waits for the running one', async () => {
    const clock = handClock('2026-12-03T05:00:00+08:00');
    const scheduler = createScheduler({ clock, logger, workingDays: weekdays });
    const release = gate();
    let finished = false;
    const { job } = recordingJob({
      run: async () => {
        await release.opened;
        finished = true;
      },
    });
    scheduler.daily(job);
    clock.set('2026-12-03T06:30:00+08:00');
    const first = scheduler.runIfDue('scan');
    await settle();
    expect(await scheduler.runIfDue('scan')).toEqual({ run: false, reason: 'running' });
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await settle();
    await settle();
    expect(stopped).toBe(false);
    release.open();
    await stopping;
    expect(finished).toBe(true);
    expect(await first).toEqual({ run: true, day: '2026-12-03' });
    expect(await scheduler.runIfDue('scan')).toEqual({ run: false, reason: 'stopped' });
  });

  it('logs a failed run and tries again at the next wake-up that day', async () => {
    const clock = handClock('2026-12-03T06:30:00+08:00');
    const scheduler = createScheduler({ clock, logger, workingDays: weekdays });
    let attempts = 0;
    const { job } = recordingJob({
      run: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('store unavailable');
      },
    });
    scheduler.daily(job);
    expect(await scheduler.runIfDue('scan')).toEqual({ run: false, reason: 'failed' });
    clock.set('2026-12-03T07:30:00+08:00');
    expect(await scheduler.runIfDue('scan')).toEqual({ run: true, day: '2026-12-03' });
    expect(attempts).toBe(2);
    await scheduler.stop();
  });
});
