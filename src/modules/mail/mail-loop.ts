import type { Deps } from '../../platform/context.js';
import { type MailTransport, sendDueMail } from './mail-sender.js';

/** The outbox sender of `veracity serve`: every minute, and at once when mail is queued. */
export interface MailLoop {
  /** Sends what is due now (after the running round, if one is running). */
  kick(): void;
  /** Stops the timer and waits for the round in flight (graceful shutdown); closes the transport. */
  stop(): Promise<void>;
}

export function startMailLoop(
  deps: Deps,
  transport: MailTransport,
  from: string,
  options: { intervalMs?: number } = {},
): MailLoop {
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const round = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = sendDueMail(deps, transport, from)
      .then((report) => {
        if (report.sent + report.failed > 0) deps.logger.info(report, 'mail: outbox round');
      })
      .catch((error) => deps.logger.error({ err: error }, 'mail: outbox round failed'))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          round();
        }
      });
  };
  const timer = setInterval(round, options.intervalMs ?? 60_000);
  timer.unref();
  round();
  return {
    kick: round,
    async stop() {
      stopped = true;
      clearInterval(timer);
      while (running) await running;
      transport.close();
    },
  };
}
