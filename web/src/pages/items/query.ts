import type { ItemQuery } from '../../services/types';

export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

/** The list's state lives in the address: a filtered page can be bookmarked, shared and gone back to. */
export interface ListState {
  filter: Omit<ItemQuery, 'limit' | 'offset' | 'sort' | 'order'>;
  sort: NonNullable<ItemQuery['sort']>;
  order: NonNullable<ItemQuery['order']>;
  page: number;
  pageSize: number;
}

const TEXT_FILTERS = [
  'status',
  'rule',
  'channel',
  'branchCode',
  'agentCode',
  'dueFrom',
  'dueTo',
  'q',
  'assignee',
  'linkId',
] as const;
const FLAG_FILTERS = ['overdue', 'dueToday', 'escalated'] as const;
const SORTS = ['dueOn', 'detectedOn', 'itemNo'] as const;

/**
 * With no status in the address the list shows what is still to be cleared (`active`), so the
 * overdue and the due today come first; `status=all` shows the closed too.
 */
export const DEFAULT_STATUS = 'active';
const ALL_STATUSES = 'all';

export function readListState(params: URLSearchParams): ListState {
  const filter: ListState['filter'] = {};
  for (const key of TEXT_FILTERS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  if (filter.status === undefined) filter.status = DEFAULT_STATUS;
  else if (filter.status === ALL_STATUSES) delete filter.status;
  for (const key of FLAG_FILTERS) if (params.get(key) === 'true') filter[key] = true;
  const sort = SORTS.find((s) => s === params.get('sort')) ?? 'dueOn';
  const order = params.get('order') === 'desc' ? 'desc' : 'asc';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const size = Number.parseInt(params.get('pageSize') ?? '', 10);
  const pageSize = (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE;
  return { filter, sort, order, page, pageSize };
}

export function writeListState(state: ListState): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state.filter)) {
    if (value === undefined || value === '' || value === false) continue;
    if (key === 'status' && value === DEFAULT_STATUS) continue;
    params.set(key, String(value));
  }
  if (!state.filter.status) params.set('status', ALL_STATUSES);
  if (state.sort !== 'dueOn') params.set('sort', state.sort);
  if (state.order !== 'asc') params.set('order', state.order);
  if (state.page !== 1) params.set('page', String(state.page));
  if (state.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(state.pageSize));
  return params;
}

/** What GET /items is asked: the filters, the sort and one page (limit/offset). */
export function toItemQuery(state: ListState): ItemQuery {
  return {
    ...state.filter,
    sort: state.sort,
    order: state.order,
    limit: state.pageSize,
    offset: (state.page - 1) * state.pageSize,
  };
}
