import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/harness.js';
import type { Clock } from '../../platform/clock.js';
import { queueMail } from './mail.repository.js';
import { startMailLoop } from './mail-loop.js';
import { escalationMail } from './mail-messages.js';
import { MAX_ATTEMPTS } from './mail-retry.js';
import { describeMailSetup, type MailTransport, sendDueMail, smtpTransport } from './mail-sender.js';

interface Received {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** A real SMTP server on an ephemeral port; `refuse` makes it answer 451 to every recipient. */
async function startSmtp(): Promise<{
  url: string;
  received: Received[];
  refuse: { on: boolean };
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const refuse = { on: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refuse.on) {
        const error = Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 });
        callback(error);
      } else callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({
            from: mail.from?.text ?? '',
            to: Array.isArray(mail.to) ? mail.to.map((t) => t.text).join(',') : (mail.to?.text ?? ''),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
          });
          callback();
        },
        (error) => callback(error as Error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(DIALECTS)('the mail outbox on %s', (dialect) => {
  let store: TestStore;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let transport: MailTransport;
  let now = new Date('2026-12-04T01:00:00Z');
  const clock: Clock = { now: () => new Date(now) };
  const FROM = '真信 Veracity <veracity@insurer.example>';
  const outbox = () => store.db.kysely.selectFrom('mail_outbox').selectAll().orderBy('id').execute();

  beforeEach(async () => {
    now = new Date('2026-12-04T01:00:00Z');
    store = await createTestStore(dialect, { clock });
    smtp = await startSmtp();
    const config = { smtpUrl: smtp.url, from: FROM, publicUrl: 'http://console.test' };
    store.config.mail = config;
    transport = smtpTransport(config) as MailTransport;
    const mail = escalationMail({
      recipientName: '王经理',
      items: [{ itemNo: 'Q20261130-000001', rule: 'SHARED_PHONE', policyNo: 'P1', dueOn: '2026-12-03' }],
      escalatedOn: '2026-12-04',
      publicUrl: 'http://console.test',
    });
    await queueMail(
      store.db.kysely,
      [{ kind: 'item.escalated', dedupe_key: 'k1', to_address: 'wang@insurer.example', ...mail }],
      now.toISOString(),
    );
  });
  afterEach(async () => {
    transport.close();
    await smtp.close();
    await store.destroy();
  });

  it('sends due mail over SMTP once, bilingual and intact, and records it sent', async () => {
    expect(await sendDueMail(store, transport, FROM)).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.to).toBe('wang@insurer.example');
    expect(mail?.from).toContain('veracity@insurer.example');
    expect(mail?.subject).toBe(
      '【真信】问题件 Q20261130-000001 已逾期升级 (Problem item Q20261130-000001 is overdue and escalated)',
    );
    expect(mail?.text).toContain('王经理，您好');
    expect(mail?.text).toContain('保单号 (Policy): P1');
    expect(mail?.text).toContain('http://console.test/items/Q20261130-000001');
    const [row] = await outbox();
    expect(row).toMatchObject({ sent_at: now.toISOString(), attempts: 1, last_error: null, next_attempt_at: null });
    expect(await sendDueMail(store, transport, FROM)).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('keeps a mail the server refuses, tries it again with growing delays, then gives up', async () => {
    smtp.refuse.on = true;
    expect(await sendDueMail(store, transport, FROM)).toEqual({ sent: 0, failed: 1 });
    let [row] = await outbox();
    expect(row?.sent_at).toBeNull();
    expect(row?.attempts).toBe(1);
    expect(row?.last_error).toContain('451');
    expect(row?.next_attempt_at).toBe(new Date(now.getTime() + 60_000).toISOString());
    // Not yet due: nothing is tried.
    expect(await sendDueMail(store, transport, FROM)).toEqual({ sent: 0, failed: 0 });
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now = new Date(row?.next_attempt_at ?? now);
      expect(await sendDueMail(store, transport, FROM)).toEqual({ sent: 0, failed: 1 });
      [row] = await outbox();
      expect(row?.attempts).toBe(attempt);
    }
    expect(row?.next_attempt_at).toBeNull();
    expect(row?.last_error).toContain('451');
    now = new Date(now.getTime() + 30 * 86_400_000);
    expect(await sendDueMail(store, transport, FROM)).toEqual({ sent: 0, failed: 0 });
  });

  it('sends a refused mail once the server takes it again', async () => {
    smtp.refuse.on = true;
    await sendDueMail(store, transport, FROM);
    smtp.refuse.on = false;
    now = new Date(now.getTime() + 60_000);
    expect(await sendDueMail(store, transport, FROM)).toEqual({ sent: 1, failed: 0 });
    const [row] = await outbox();
    expect(row).toMatchObject({ attempts: 2, last_error: null });
    expect(row?.sent_at).not.toBeNull();
  });

  it('runs a round at start and finishes it before stopping (graceful shutdown)', async () => {
    const loop = startMailLoop(store, transport, FROM, { intervalMs: 3_600_000 });
    await loop.stop();
    expect(smtp.received).toHaveLength(1);
    expect((await outbox())[0]?.sent_at).not.toBeNull();
    transport = smtpTransport(store.config.mail) as MailTransport;
  });

  it('never queues the same mail twice', async () => {
    await queueMail(
      store.db.kysely,
      [{ kind: 'item.escalated', dedupe_key: 'k1', to_address: 'other@insurer.example', subject: 's', body: 'b' }],
      now.toISOString(),
    );
    expect(await outbox()).toHaveLength(1);
  });

  it('says at start-up where mail goes, or that it waits, without the SMTP password', async () => {
    store.config.mail = { smtpUrl: 'smtp://user:secret@mail.insurer.example:587', from: FROM, publicUrl: 'x' };
    const configured = await describeMailSetup(store);
    expect(configured).toContain('mail.insurer.example:587');
    expect(configured).not.toContain('secret');
    store.config.mail = { smtpUrl: undefined, from: undefined, publicUrl: 'x' };
    expect(await describeMailSetup(store)).toContain('1 waiting in the outbox');
    expect(smtpTransport(store.config.mail)).toBeUndefined();
  });
});
