import nodemailer from 'nodemailer';
import type { MailConfig } from '../../platform/config.js';
import type { Deps } from '../../platform/context.js';
import * as repo from './mail.repository.js';
import { nextAttemptAfter } from './mail-retry.js';

/** Where mail goes: SMTP in production, anything with the same shape in tests. */
export interface MailTransport {
  send(mail: { from: string; to: string; subject: string; text: string }): Promise<void>;
  close(): void;
}

/** The SMTP transport of the configuration, or undefined when no server is configured. */
export function smtpTransport(config: MailConfig): MailTransport | undefined {
  if (!config.smtpUrl || !config.from) return undefined;
  const transporter = nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail) {
      await transporter.sendMail(mail);
    },
    close: () => transporter.close(),
  };
}

/** A claimed mail is not taken by another sender for this long, in case this one dies mid-send. */
const LEASE_MS = 10 * 60_000;
const BATCH = 50;

export interface SendReport {
  sent: number;
  failed: number;
}

/**
 * Sends the mail that is due (P5.13: escalations reach channel management and compliance by mail
 * too): each mail is claimed, sent and marked; a failure keeps the error and schedules the next
 * attempt further off (mail-retry.ts). At most `limit` mails per call.
 */
export async function sendDueMail(
  deps: Deps,
  transport: MailTransport,
  from: string,
  limit = 500,
): Promise<SendReport> {
  const q = deps.db.kysely;
  const report: SendReport = { sent: 0, failed: 0 };
  while (report.sent + report.failed < limit) {
    const now = deps.clock.now();
    const due = await repo.dueMail(q, now.toISOString(), Math.min(BATCH, limit - report.sent - report.failed));
    if (due.length === 0) break;
    let claimed = 0;
    for (const row of due) {
      if (!(await repo.claimMail(q, row, new Date(now.getTime() + LEASE_MS).toISOString()))) continue;
      claimed++;
      try {
        await transport.send({ from, to: row.to_address, subject: row.subject, text: row.body });
        await repo.markSent(q, row.id, deps.clock.now().toISOString());
        report.sent++;
      } catch (error) {
        const attempts = row.attempts + 1;
        const next = nextAttemptAfter(attempts, deps.clock.now());
        const message = error instanceof Error ? error.message : String(error);
        await repo.markFailed(q, row.id, message, next?.toISOString() ?? null);
        deps.logger.warn({ mailId: row.id, attempts, err: message, givenUp: next === null }, 'mail: sending failed');
        report.failed++;
      }
    }
    // Everything read was taken by another sender: let it work.
    if (claimed === 0) break;
  }
  return report;
}

/** What `veracity serve` says about mail at start-up: where it goes, or that it waits. */
export async function describeMailSetup(deps: Deps): Promise<string> {
  const { smtpUrl, from } = deps.config.mail;
  if (smtpUrl && from) {
    // The host only: the URL may carry the SMTP password.
    const host = new URL(smtpUrl).host;
    return `邮件 (mail): 经 SMTP ${host} 发送，发件人 ${from} (sent over SMTP ${host} from ${from})`;
  }
  const waiting = await repo.countUnsent(deps.db.kysely);
  return `邮件未配置，${waiting} 封留在发件箱；设置 VERACITY_SMTP_URL 与 VERACITY_MAIL_FROM 后发送 (mail not configured: ${waiting} waiting in the outbox; set VERACITY_SMTP_URL and VERACITY_MAIL_FROM to send)`;
}
