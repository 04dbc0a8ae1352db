import { describe, expect, it } from 'vitest';
import { readListState, toItemQuery, writeListState } from './query';

describe('the list state in the address', () => {
  it('defaults to the first 20 not yet closed, by due date ascending (the overdue first)', () => {
    const state = readListState(new URLSearchParams());
    expect(toItemQuery(state)).toEqual({ status: 'active', sort: 'dueOn', order: 'asc', limit: 20, offset: 0 });
    expect(writeListState(state).toString()).toBe('');
  });

  it('shows the closed too when asked for every status', () => {
    const state = readListState(new URLSearchParams('status=all'));
    expect(toItemQuery(state).status).toBeUndefined();
    expect(writeListState(state).toString()).toBe('status=all');
  });

  it('round-trips filters, flags, sort and page', () => {
    const params = new URLSearchParams(
      'status=open&overdue=true&branchCode=GD&sort=detectedOn&order=desc&page=4&pageSize=50',
    );
    const state = readListState(params);
    expect(toItemQuery(state)).toEqual({
      status: 'open',
      overdue: true,
      branchCode: 'GD',
      sort: 'detectedOn',
      order: 'desc',
      limit: 50,
      offset: 150,
    });
    expect(readListState(writeListState(state))).toEqual(state);
  });

  it('ignores what the server would refuse', () => {
    const state = readListState(new URLSearchParams('sort=evil&page=-3&pageSize=5000&overdue=yes'));
    expect(toItemQuery(state)).toEqual({ status: 'active', sort: 'dueOn', order: 'asc', limit: 20, offset: 0 });
  });
});
