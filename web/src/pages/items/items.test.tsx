import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ProblemItem } from '../../services/types';
import { stubApi } from '../../test/api-stub';
import { renderPage, sessionOf } from '../../test/render';
import { chinaToday } from '../../utils/dates';
import ItemsPage from '.';

const today = chinaToday();

function item(itemNo: string, extra: Partial<ProblemItem> = {}): ProblemItem {
  return {
    itemNo,
    policyNo: `P-${itemNo}`,
    rule: 'SHARED_PHONE',
    relatedPolicyNos: ['P-X'],
    linkId: 'L-0123456789abcdef',
    detectedOn: '2026-12-01',
    dueOn: '2026-12-20',
    coolingOffEndsOn: null,
    status: 'open',
    channel: 'agent',
    branchCode: 'GD-GZ',
    agentCode: 'A001',
    assignee: null,
    distributedOn: null,
    escalatedOn: null,
    resolution: null,
    complianceReview: false,
    overdue: false,
    commissionHold: true,
    ...extra,
  };
}

const PAGE = {
  items: [
    item('PI-1', { overdue: true, dueOn: '2026-11-01' }),
    item('PI-2', { dueOn: today }),
    item('PI-3', { status: 'distributed', assignee: { id: 7, displayName: '李娜' } }),
  ],
  total: 45,
};

const renderItems = (role: Parameters<typeof sessionOf>[0], url = '/items') =>
  renderPage('/items', url, <ItemsPage />, sessionOf(role));

describe('问题件 list', () => {
  it('renders the rows the server answers, overdue highlighted and due today tagged', async () => {
    stubApi({ 'GET /api/v1/items': { body: PAGE } });
    renderItems('customer_service');
    const first = await screen.findByRole('link', { name: 'PI-1' });
    expect(first.getAttribute('href')).toBe('/items/PI-1');
    expect(first.closest('tr')?.className).toContain('vc-row-overdue');
    const second = screen.getByRole('link', { name: 'PI-2' }).closest('tr') as HTMLElement;
    expect(within(second).getByText('今日到期')).toBeTruthy();
    expect(screen.getByText('李娜')).toBeTruthy();
    expect(screen.getAllByText('多客户共用手机号').length).toBeGreaterThan(0);
    expect(screen.getByText('共 45 条')).toBeTruthy();
  });

  it('asks the server for one page, and for the next page, a filter and a sort', async () => {
    const api = stubApi({ 'GET /api/v1/items': { body: PAGE } });
    const user = userEvent.setup({ delay: null });
    renderItems('customer_service');
    await screen.findByRole('link', { name: 'PI-1' });
    const first = api.calls('GET', '/api/v1/items')[0];
    expect(Object.fromEntries(first?.query ?? [])).toEqual({
      status: 'active',
      sort: 'dueOn',
      order: 'asc',
      limit: '20',
      offset: '0',
    });

    await user.click(screen.getByTitle('2'));
    await waitFor(() => expect(api.calls('GET', '/api/v1/items').at(-1)?.query.get('offset')).toBe('20'));

    await user.click(within(screen.getByRole('group', { name: '快捷筛选：' })).getByText('已逾期'));
    await waitFor(() => {
      const last = api.calls('GET', '/api/v1/items').at(-1);
      expect(last?.query.get('overdue')).toBe('true');
      expect(last?.query.get('offset')).toBe('0');
    });

    await user.type(screen.getByPlaceholderText('问题件号或保单号开头'), 'PI-1');
    await user.click(screen.getByRole('button', { name: /查\s*询/ }));
    await waitFor(() => {
      const last = api.calls('GET', '/api/v1/items').at(-1);
      expect(last?.query.get('q')).toBe('PI-1');
      expect(last?.query.get('overdue')).toBe('true');
    });

    await user.click(screen.getByRole('columnheader', { name: /发现日期/ }));
    await waitFor(() => {
      const last = api.calls('GET', '/api/v1/items').at(-1);
      expect(last?.query.get('sort')).toBe('detectedOn');
      expect(last?.query.get('order')).toBe('asc');
    });
  });

  it('offers bulk distribution only with items.distribute, and posts the selected open items', async () => {
    const api = stubApi({
      'GET /api/v1/items': { body: PAGE },
      'POST /api/v1/items/distribute': {
        body: { results: [{ itemNo: 'PI-1', assignee: { id: 7, displayName: '李娜' } }] },
      },
    });
    const user = userEvent.setup({ delay: null });
    renderItems('customer_service');
    const row = (await screen.findByRole('link', { name: 'PI-1' })).closest('tr') as HTMLElement;
    const distributed = screen.getByRole('link', { name: 'PI-3' }).closest('tr') as HTMLElement;
    expect((within(distributed).getByRole('checkbox') as HTMLInputElement).disabled).toBe(true);
    await user.click(within(row).getByRole('checkbox'));
    await user.click(screen.getByRole('button', { name: /批量分发/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /分\s*发/ }));
    await waitFor(() => expect(api.calls('POST', '/api/v1/items/distribute')).toHaveLength(1));
    const post = api.calls('POST', '/api/v1/items/distribute')[0];
    expect(post?.json).toEqual({ itemNos: ['PI-1'] });
    expect(post?.headers['x-csrf-token']).toBe('csrf-test-token');
    expect(await screen.findByText('成功 1 件，失败 0 件')).toBeTruthy();
  });

  it('shows no selection and no distribute button to the back office', async () => {
    stubApi({ 'GET /api/v1/items': { body: PAGE } });
    renderItems('channel_back_office');
    await screen.findByRole('link', { name: 'PI-1' });
    expect(screen.queryByRole('button', { name: /批量分发/ })).toBeNull();
    expect(within(screen.getByRole('table')).queryAllByRole('checkbox')).toHaveLength(0);
    // channel_back_office has no items.export either
    expect(screen.queryByRole('button', { name: /导出/ })).toBeNull();
  });

  it('reads its filters from the address', async () => {
    const api = stubApi({ 'GET /api/v1/items': { body: { items: [], total: 0 } } });
    renderItems('compliance', '/items?status=submitted&assignee=me&page=3&pageSize=50');
    expect(await screen.findByText('没有符合条件的问题件')).toBeTruthy();
    const query = Object.fromEntries(api.calls('GET', '/api/v1/items')[0]?.query ?? []);
    expect(query).toMatchObject({ status: 'submitted', assignee: 'me', limit: '50', offset: '100' });
  });
});
