import type { Command } from 'commander';
import { buildApp } from '../../app.js';
import { loadCalendar } from '../../modules/calendar/calendar.service.js';
import { escalateOverdue } from '../../modules/escalation/escalation.service.js';
import { scanThenEscalate } from '../../modules/escalation/escalation-job.js';
import { createScanRunner, dailyScanJob, type ScanRunner } from '../../modules/linkage/scan-runner.js';
import { type MailLoop, startMailLoop } from '../../modules/mail/mail-loop.js';
import { describeMailSetup, smtpTransport } from '../../modules/mail/mail-sender.js';
import { bootstrap } from '../../platform/bootstrap.js';
import type { Deps } from '../../platform/context.js';
import { createScheduler, type RunAnswer, type Scheduler } from '../../platform/jobs/scheduler.js';
import { writeLine } from '../deps.js';
import { wholeNumber } from '../options.js';
import { prepareDemo } from './init.js';

/**
 * `veracity serve`: the API, its documentation and the daily scan in one process. SIGTERM or
 * SIGINT stops taking requests (/readyz turns 503), finishes those in flight and the running job,
 * then closes the store.
 */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动服务：接口、文档与每日扫描 (run the server: API, documentation and the daily scan)')
    .option('--host <host>', '监听地址 (listen address; also HOST)')
    .option('--port <port>', '端口 (port; also PORT)', wholeNumber(0))
    .option('--demo', '首次运行时载入演示数据和演示账号 (load the demo book and demo users on first run)', false)
    .option('--applications <n>', 'demo book size on first run', wholeNumber(1), 5000)
    .action(
      async (options: { host?: string; port?: number; demo: boolean; applications: number }, command: Command) => {
        const dataDir = command.optsWithGlobals<{ dataDir?: string }>().dataDir;
        const deps = await bootstrap({ dataDir, host: options.host, port: options.port, server: true });
        if (options.demo) await prepareDemo(deps, options);
        let draining = false;
        const scanRunner = createScanRunner(deps);
        const transport = smtpTransport(deps.config.mail);
        const mail =
          transport && deps.config.mail.from ? startMailLoop(deps, transport, deps.config.mail.from) : undefined;
        const app = await buildApp(deps, { draining: () => draining, scanRunner });
        const { host, port, scanAt } = deps.config.server;
        const address = await app.listen({ host, port });
        writeLine(`Veracity 已启动 (listening): ${address}`);
        writeLine(`控制台 (console): ${address}/`);
        writeLine(`接口文档 (API docs): ${address}/api/docs`);
        const scheduler = scanAt === 'off' ? undefined : await scheduleScan(deps, scanRunner, mail);
        if (!scheduler)
          writeLine('每日扫描与逾期升级未排定 (daily scan and escalation not scheduled): VERACITY_SCAN_AT=off');
        writeLine(await describeMailSetup(deps));
        // P5.13: escalate at start-up too, after today's catch-up scan when one is due.
        const catchUp: Promise<{ run: boolean }> = scheduler?.catchUp ?? Promise.resolve({ run: false });
        const startUp = catchUp.then((answer) => (answer.run || draining ? undefined : escalateNow(deps, mail)));

        const stop = async (signal: string) => {
          if (draining) return;
          draining = true;
          deps.logger.info({ signal }, 'shutting down: finishing requests in flight and the running scan');
          // A keep-alive connection idle after its last answer (a long POST /scans) would hold close() for
          // the keep-alive timeout (72 s): close each one as it falls idle.
          const sweep = setInterval(() => app.server.closeIdleConnections(), 250);
          try {
            await app.close();
            clearInterval(sweep);
            await scheduler?.stop();
            await scanRunner.idle();
            await startUp;
            await mail?.stop();
          } finally {
            clearInterval(sweep);
            await deps.db.close();
            deps.logger.info('stopped');
          }
        };
        for (const signal of ['SIGTERM', 'SIGINT'] as const) {
          process.once(signal, () => {
            stop(signal).then(
              () => process.exit(0),
              (error) => {
                deps.logger.error({ err: error }, 'shutdown failed');
                process.exit(1);
              },
            );
          });
        }
      },
    );
}

/** The escalation outside the schedule (start-up), its mail sent at once; a failure is logged. */
async function escalateNow(deps: Deps, mail: MailLoop | undefined): Promise<void> {
  try {
    await escalateOverdue(deps);
    mail?.kick();
  } catch (error) {
    deps.logger.error({ err: error }, 'escalation at start-up failed');
  }
}

/**
 * P5.7: the T+1 scan each working day at VERACITY_SCAN_AT, China time; then (P5.13) the escalation
 * of the overdue, its mail sent at once.
 */
async function scheduleScan(
  deps: Deps,
  runner: ScanRunner,
  mail: MailLoop | undefined,
): Promise<Scheduler & { catchUp: Promise<RunAnswer> }> {
  const scheduler = createScheduler({
    clock: deps.clock,
    logger: deps.logger,
    workingDays: async () => {
      const calendar = await loadCalendar(deps);
      return (day) => calendar.isWorkingDay(day).working;
    },
  });
  const job = scanThenEscalate(deps, dailyScanJob(deps, runner), () => mail?.kick());
  scheduler.daily(job);
  // Today's run, if it is due and was missed while the server was down.
  const catchUp = scheduler.runIfDue(job.name);
  const next = await scheduler.next(job.name);
  const china = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  const when = !next
    ? '一个月内没有工作日 (no working day within a month)'
    : next.getTime() <= deps.clock.now().getTime()
      ? '现在，补跑今日扫描 (now: catching up today’s run)'
      : `${china(next)} (China time)`;
  writeLine(`每日扫描 (daily scan): 工作日 ${deps.config.server.scanAt}；下次 (next): ${when}`);
  return Object.assign(scheduler, { catchUp });
}
