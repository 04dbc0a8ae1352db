import { describe, expect, it } from 'vitest';
import { type Candidate, matchingRules, type RoutingRule, routeAlong, routeItem } from './routing.js';

const rule = (id: number, assigneeId: number, criteria: Partial<RoutingRule>): RoutingRule => ({
  id,
  priority: 1,
  channel: null,
  branchPrefix: null,
  agentCode: null,
  assigneeId,
  ...criteria,
});
const candidate = (
  id: number,
  scope: Partial<Candidate['scope']>,
  openItems = 0,
  role = 'channel_back_office',
): Candidate => ({
  id,
  role,
  scope: { branches: [], channels: [], ...scope },
  openItems,
});
const policy = { channel: 'agent', branchCode: 'GD-GZ', agentCode: 'A1' };

describe('routing an item (P5.13)', () => {
  it('puts the most specific rule first: seller, then deeper branch, then channel; then priority', () => {
    const rules = [
      rule(1, 10, { channel: 'agent', priority: 1 }),
      rule(2, 11, { branchPrefix: 'GD', priority: 1 }),
      rule(3, 12, { branchPrefix: 'GD-GZ', priority: 5 }),
      rule(4, 13, { agentCode: 'A1', priority: 9 }),
      rule(5, 14, { branchPrefix: 'GD-GZ', priority: 2 }),
      rule(6, 15, { branchPrefix: 'GD-G' }),
      rule(7, 16, { channel: 'bancassurance' }),
      rule(8, 17, {}),
    ];
    expect(matchingRules(rules, policy).map((r) => r.id)).toEqual([4, 5, 3, 2, 1, 8]);
  });

  it('skips a rule whose assignee is gone or does not cover the policy, then falls back to the least loaded', () => {
    const candidates = new Map([
      [10, candidate(10, { branches: ['BJ'] })],
      [20, candidate(20, { branches: ['GD'] }, 3)],
      [21, candidate(21, { channels: ['agent'] }, 1)],
      [22, candidate(22, {}, 0, 'customer_service')],
    ]);
    const rules = [rule(1, 10, { channel: 'agent' }), rule(2, 99, { agentCode: 'A1' })];
    expect(routeItem(rules, candidates, policy)).toEqual({ assigneeId: 21, by: 'fallback' });
    expect(routeItem([rule(3, 20, {})], candidates, policy)).toEqual({ assigneeId: 20, by: 'rule', ruleId: 3 });
    // Customer service may be given an item by a rule, never by the fallback.
    expect(routeItem([], new Map([[22, candidate(22, {}, 0, 'customer_service')]]), policy)).toEqual({
      assigneeId: null,
    });
    expect(
      routeItem([rule(4, 22, {})], new Map([[22, candidate(22, {}, 0, 'customer_service')]]), policy),
    ).toMatchObject({
      assigneeId: 22,
    });
  });

  it('breaks a tie in load by the lower id', () => {
    const candidates = new Map([
      [31, candidate(31, {}, 2)],
      [30, candidate(30, {}, 2)],
    ]);
    expect(routeItem([], candidates, policy)).toEqual({ assigneeId: 30, by: 'fallback' });
  });

  it('says how a link-mate going along was routed: its own rule naming that assignee, else the fallback', () => {
    const rules = [
      rule(1, 10, { agentCode: 'A9' }),
      rule(2, 11, { channel: 'agent' }),
      rule(3, 10, { branchPrefix: 'GD' }),
    ];
    expect(routeAlong(rules, 10, policy)).toEqual({ assigneeId: 10, by: 'rule', ruleId: 3 });
    expect(routeAlong(rules, 12, policy)).toEqual({ assigneeId: 12, by: 'fallback' });
  });
});
