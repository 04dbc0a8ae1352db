import { describe, expect, it } from 'vitest';
import { allowedActions } from './allowed-actions.js';

describe('what a user may do on an item', () => {
  const me = 7;
  it('follows the role, the status and the object rules', () => {
    const open = { status: 'open', assigneeId: null };
    expect(allowedActions(open, { userId: me, role: 'customer_service' }, [])).toEqual(['distribute', 'assign']);
    expect(allowedActions(open, { userId: me, role: 'compliance' }, [])).toEqual(['compliance']);
    expect(allowedActions(open, { userId: me, role: 'auditor' }, [])).toEqual([]);
    const mine = { status: 'investigating', assigneeId: me };
    expect(allowedActions(mine, { userId: me, role: 'channel_back_office' }, [])).toEqual([
      'work',
      'evidence',
      'correct',
      'submit',
    ]);
    expect(allowedActions({ ...mine, assigneeId: 8 }, { userId: me, role: 'channel_back_office' }, [])).toEqual([]);
    const submitted = { status: 'submitted', assigneeId: 8 };
    expect(allowedActions(submitted, { userId: me, role: 'customer_service' }, [8])).toEqual(['verify']);
    // Four eyes: whoever investigated may not verify.
    expect(allowedActions(submitted, { userId: me, role: 'compliance' }, [me])).toEqual(['compliance']);
    expect(allowedActions({ status: 'closed', assigneeId: me }, { userId: me, role: 'compliance' }, [])).toEqual([
      'compliance',
    ]);
    expect(allowedActions(open, { userId: null, role: null }, [])).toEqual([]);
  });
});
