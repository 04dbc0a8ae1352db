import { describe, expect, it } from 'vitest';
import { escalationMail, MAX_LISTED_ITEMS } from './mail-messages.js';
import { MAX_ATTEMPTS, nextAttemptAfter, RETRY_DELAYS_MINUTES } from './mail-retry.js';

const item = (n: number) => ({
  itemNo: `Q20261130-${String(n).padStart(6, '0')}`,
  rule: 'SHARED_ACCOUNT',
  policyNo: `P${n}`,
  dueOn: '2026-12-03',
});

describe('the escalation mail', () => {
  it('names many items in the subject by count and the first, lists at most a hundred', () => {
    const items = Array.from({ length: MAX_LISTED_ITEMS + 5 }, (_, i) => item(i + 1));
    const mail = escalationMail({
      recipientName: '李经理',
      items,
      escalatedOn: '2026-12-04',
      publicUrl: 'https://v.example',
    });
    expect(mail.subject).toBe(
      '【真信】105 件问题件已逾期升级，含 Q20261130-000001 (105 problem items overdue and escalated, incl. Q20261130-000001)',
    );
    expect(mail.body).toContain('多名客户共用银行账户 (Bank account shared by different customers) [SHARED_ACCOUNT]');
    expect(mail.body).toContain('https://v.example/items/Q20261130-000100');
    expect(mail.body).not.toContain('Q20261130-000101');
    expect(mail.body).toContain('另有 5 件');
    expect(mail.body).toContain('(5 more: see the console)');
  });
});

describe('the retry schedule', () => {
  it('waits longer after each failure and gives up after the last attempt', () => {
    const at = new Date('2026-12-04T00:00:00Z');
    const delays = Array.from({ length: MAX_ATTEMPTS }, (_, i) => nextAttemptAfter(i + 1, at));
    expect(delays.slice(0, -1).map((d) => ((d?.getTime() ?? 0) - at.getTime()) / 60_000)).toEqual([
      ...RETRY_DELAYS_MINUTES,
    ]);
    expect(delays.at(-1)).toBeNull();
  });
});
