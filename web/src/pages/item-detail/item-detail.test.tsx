import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ItemAction, ItemDetail } from '../../services/types';
import { stubApi } from '../../test/api-stub';
import { renderPage, sessionOf } from '../../test/render';
import ItemDetailPage from '.';

// ECharts draws nothing in jsdom: the graph is a labelled box here.
vi.mock('../../components/echart', () => ({
  EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

function detail(allowedActions: ItemAction[]): ItemDetail {
  return {
    item: {
      itemNo: 'PI-9',
      policyNo: 'P100',
      rule: 'SHARED_PHONE',
      relatedPolicyNos: ['P101', 'P102'],
      linkId: 'L-0123456789abcdef',
      detectedOn: '2026-11-20',
      dueOn: '2026-11-25',
      coolingOffEndsOn: '2026-12-05',
      status: 'investigating',
      channel: 'agent',
      branchCode: 'GD-GZ',
      agentCode: 'A001',
      assignee: { id: 4, displayName: '李娜' },
      distributedOn: '2026-11-20',
      escalatedOn: '2026-11-26',
      resolution: null,
      complianceReview: false,
      overdue: true,
      commissionHold: true,
    },
    clue: {
      zh: '手机号 138****8000 同时出现在 3 位不同客户的资料中',
      en: 'the phone 138****8000 appears on 3 different customers',
      maskedValue: '138****8000',
    },
    policies: [
      { policyNo: 'P100', channel: 'agent', branchCode: 'GD-GZ', agentCode: 'A001', status: 'in_force', inScope: true },
      { policyNo: 'P101', channel: 'agent', branchCode: 'GD-SZ', agentCode: 'A002', status: 'in_force', inScope: true },
    ],
    customers: [
      {
        customerId: 11,
        policyNo: 'P100',
        role: 'applicant',
        name: '张*',
        idNo: '110101********123X',
        holdsClueValue: true,
      },
      { customerId: 12, policyNo: 'P101', role: 'applicant', name: '王**', idNo: null, holdsClueValue: true },
    ],
    timeline: [
      {
        at: '2026-11-20T01:00:00Z',
        actor: 'scan',
        action: 'detected',
        fromStatus: null,
        toStatus: 'open',
        note: null,
        detail: null,
      },
      {
        at: '2026-11-20T02:00:00Z',
        actor: 'kefu',
        action: 'distributed',
        fromStatus: 'open',
        toStatus: 'distributed',
        note: 'rule:3',
        detail: null,
      },
      {
        at: '2026-11-21T03:00:00Z',
        actor: 'neiqin',
        action: 'call',
        fromStatus: 'distributed',
        toStatus: 'investigating',
        note: null,
        detail: '已电话联系投保人',
      },
    ],
    evidence: [
      {
        id: 5,
        kind: 'investigation_report',
        fileName: 'report.pdf',
        mediaType: 'application/pdf',
        size: 2048,
        sha256: 'ab'.repeat(32),
        uploadedBy: 'neiqin',
        uploadedAt: '2026-11-21T04:00:00Z',
      },
    ],
    linkMates: [{ itemNo: 'PI-10', policyNo: 'P101', status: 'distributed', assignee: null }],
    allowedActions,
  };
}

const BUTTONS: Record<ItemAction, string> = {
  distribute: '分发',
  assign: '改派',
  work: '记录处理',
  evidence: '上传证据',
  correct: '更正资料',
  submit: '提交核实',
  verify: '核实',
  compliance: '合规处理',
};

const renderDetail = () =>
  renderPage('/items/:itemNo', '/items/PI-9', <ItemDetailPage />, sessionOf('channel_back_office'));

/** The buttons of the header's action bar, by their data-action. */
function actionButtons(): string[] {
  return [...document.querySelectorAll('[data-action]')].map((b) => b.getAttribute('data-action') ?? '');
}

describe('item detail', () => {
  it('explains the clue, shows the timeline, evidence and link-mates, and only the allowed actions', async () => {
    stubApi({ 'GET /api/v1/items/PI-9': { body: detail(['work', 'evidence', 'correct', 'submit']) } });
    renderDetail();
    expect(await screen.findByText('手机号 138****8000 同时出现在 3 位不同客户的资料中')).toBeTruthy();
    expect(screen.getByText('扫描发现')).toBeTruthy();
    expect(screen.getByText('按分发规则 #3')).toBeTruthy();
    expect(screen.getByText('已电话联系投保人')).toBeTruthy();
    expect(screen.getByRole('link', { name: /report\.pdf/ }).getAttribute('href')).toBe(
      '/api/v1/items/PI-9/evidence/5',
    );
    expect(screen.getByRole('link', { name: 'PI-10' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '张*' }).getAttribute('href')).toBe('/customers/11');
    expect(screen.getByRole('img', { name: '关联关系图' })).toBeTruthy();
    expect(actionButtons()).toEqual(['work', 'evidence', 'correct', 'submit']);
    for (const [action, label] of Object.entries(BUTTONS)) {
      const shown = ['work', 'evidence', 'correct', 'submit'].includes(action);
      expect(screen.queryByRole('button', { name: new RegExp(`^\\S*\\s*${label}$`) }) !== null, action).toBe(shown);
    }
  });

  it('shows a verifier only 核实 and a compliance user their own step', async () => {
    stubApi({ 'GET /api/v1/items/PI-9': { body: detail(['verify', 'compliance']) } });
    renderDetail();
    await screen.findByText('手机号 138****8000 同时出现在 3 位不同客户的资料中');
    expect(actionButtons()).toEqual(['verify', 'compliance']);
  });

  it.each([
    ['investigating', '合规自行调查'],
    ['submitted', '批评及整改意见'],
    ['closed', '批评及整改意见'],
  ])('opens the compliance step on an item %s at what the server allows (%s)', async (status, label) => {
    const body = detail(['compliance']);
    body.item.status = status;
    stubApi({ 'GET /api/v1/items/PI-9': { body } });
    const user = userEvent.setup({ delay: null });
    renderDetail();
    await user.click(await screen.findByRole('button', { name: /合规处理/ }));
    const dialog = await screen.findByRole('dialog');
    const checked = within(dialog)
      .getAllByRole('radio')
      .filter((r) => (r as HTMLInputElement).checked)
      .map((r) => r.closest('label')?.textContent);
    // A submitted or closed item can no longer be taken over (409): the opinion is the default.
    expect(checked).toEqual([label]);
  });

  it('uploads evidence as multipart kind + file, then refreshes', async () => {
    const api = stubApi({
      'GET /api/v1/items/PI-9': { body: detail(['evidence']) },
      'POST /api/v1/items/PI-9/evidence': { status: 201, body: { evidence: detail([]).evidence?.[0] } },
    });
    const user = userEvent.setup({ delay: null });
    renderDetail();
    await user.click(await screen.findByRole('button', { name: /上传证据/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getAllByText(/支持 PDF、JPG、PNG，单个文件不超过 10\.0 MB/).length).toBeGreaterThan(0);
    await user.click(within(dialog).getByRole('combobox'));
    await user.click(await screen.findByText('客户签字确认书'));
    const input = dialog.querySelector('input[type=file]') as HTMLInputElement;
    expect(input.accept).toBe('.pdf,.jpg,.jpeg,.png');
    const file = new File(['%PDF-1.4 test'], 'confirmation.pdf', { type: 'application/pdf' });
    await user.upload(input, file);
    await user.click(within(dialog).getByRole('button', { name: /上\s*传/ }));
    await waitFor(() => expect(api.calls('POST', '/api/v1/items/PI-9/evidence')).toHaveLength(1));
    const post = api.calls('POST', '/api/v1/items/PI-9/evidence')[0];
    expect(post?.headers['x-csrf-token']).toBe('csrf-test-token');
    expect(post?.form?.get('kind')).toBe('customer_confirmation');
    expect((post?.form?.get('file') as File | undefined)?.name).toBe('confirmation.pdf');
    expect([...(post?.form?.keys() ?? [])]).toEqual(['kind', 'file']);
    await waitFor(() => expect(api.calls('GET', '/api/v1/items/PI-9').length).toBe(2));
  });

  it('refuses a file that is not PDF, JPEG or PNG before sending it', async () => {
    const api = stubApi({ 'GET /api/v1/items/PI-9': { body: detail(['evidence']) } });
    const user = userEvent.setup({ delay: null, applyAccept: false });
    renderDetail();
    await user.click(await screen.findByRole('button', { name: /上传证据/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('combobox'));
    await user.click(await screen.findByText('其他材料'));
    await user.upload(dialog.querySelector('input[type=file]') as HTMLInputElement, new File(['x'], 'macro.docx'));
    await user.click(within(dialog).getByRole('button', { name: /上\s*传/ }));
    expect(await within(dialog).findByText('仅支持 PDF、JPG、PNG 文件')).toBeTruthy();
    expect(api.calls('POST', '/api/v1/items/PI-9/evidence')).toHaveLength(0);
  });

  it('sends a correction to the gate, and shows the gate’s refusal on its field', async () => {
    const api = stubApi({
      'GET /api/v1/items/PI-9': { body: detail(['correct']) },
      'POST /api/v1/items/PI-9/correction': {
        body: {
          accepted: false,
          errors: [
            {
              code: 'PHONE_FORMAT',
              path: 'applicant.phones[0]',
              message: '手机号码格式不正确 (the phone number is not well formed)',
              clause: 'P5.6',
            },
          ],
          warnings: [],
          submissionId: null,
        },
      },
    });
    const user = userEvent.setup({ delay: null });
    renderDetail();
    await user.click(await screen.findByRole('button', { name: /更正资料/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByText('被保险人'));
    await user.type(within(dialog).getByRole('combobox'), '1380013800{enter}');
    await user.type(within(dialog).getByPlaceholderText('省 市 区 详细地址'), '广东省广州市天河区体育西路 1 号');
    await user.click(within(dialog).getByRole('button', { name: /提交校验/ }));
    await waitFor(() => expect(api.calls('POST', '/api/v1/items/PI-9/correction')).toHaveLength(1));
    expect(api.calls('POST', '/api/v1/items/PI-9/correction')[0]?.json).toEqual({
      party: 'insured',
      phones: ['1380013800'],
      address: '广东省广州市天河区体育西路 1 号',
    });
    // Refused: the reason on the phones field and in the list; the modal stays open.
    expect((await within(dialog).findAllByText('手机号码格式不正确')).length).toBeGreaterThan(0);
    expect(within(dialog).getByText('更正未通过校验，资料未保存：')).toBeTruthy();
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('closes the correction when the gate accepts it, and refreshes the detail', async () => {
    const api = stubApi({
      'GET /api/v1/items/PI-9': { body: detail(['correct']) },
      'POST /api/v1/items/PI-9/correction': { body: { accepted: true, errors: [], warnings: [], submissionId: 77 } },
    });
    const user = userEvent.setup({ delay: null });
    renderDetail();
    await user.click(await screen.findByRole('button', { name: /更正资料/ }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('combobox'), '13800138000{enter}');
    await user.click(within(dialog).getByRole('button', { name: /提交校验/ }));
    await waitFor(() => expect(api.calls('POST', '/api/v1/items/PI-9/correction')).toHaveLength(1));
    expect(api.calls('POST', '/api/v1/items/PI-9/correction')[0]?.json).toEqual({
      party: 'applicant',
      phones: ['13800138000'],
    });
    expect(await screen.findByText('更正已通过校验并保存为新版本')).toBeTruthy();
    await waitFor(() => expect(api.calls('GET', '/api/v1/items/PI-9').length).toBe(2));
  });

  it('says so when the item is not there (or outside the scope)', async () => {
    stubApi({
      'GET /api/v1/items/PI-9': {
        status: 404,
        body: {
          error: {
            code: 'NOT_FOUND',
            zh: '问题件 PI-9 不存在',
            en: 'problem item PI-9 does not exist',
            details: [],
            requestId: 'r1',
          },
        },
      },
    });
    renderDetail();
    expect(await screen.findByText('问题件 PI-9 不存在')).toBeTruthy();
    expect(screen.getByText('请求编号：r1')).toBeTruthy();
  });
});
