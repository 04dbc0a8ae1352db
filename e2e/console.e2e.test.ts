import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPdf } from '../src/modules/demo/demo-pdf.js';
import { DEMO_PASSWORD } from '../src/modules/demo/demo-users.js';
import { launch, newSession, SCREENSHOTS, screenshot } from './browser.js';
import { type RunningServer, startServer } from './serve.js';

/**
 * The console end to end (P5.13): `veracity serve --demo` on a fresh data directory, Debian's
 * Chromium in Simplified Chinese. A back-office user clears an overdue item with evidence and a
 * corrected phone; compliance verifies it; the dashboard's counts move. Every page is captured,
 * and no page logs a console error.
 */
describe('the console', () => {
  let server: RunningServer;
  let browser: Browser;
  const sessions: Array<{ username: string; errors: string[] }> = [];
  const corrected = `139${String(Date.now() % 100_000_000).padStart(8, '0')}`;
  let itemNo = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(username: string): Promise<Page> {
    const { page, errors } = await newSession(browser);
    sessions.push({ username, errors });
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return page;
  }

  async function settle(page: Page): Promise<void> {
    await page.waitForLoadState('networkidle');
    // antd's modals and charts animate in.
    await page.waitForTimeout(400);
  }

  async function dashboardCount(page: Page, title: string): Promise<number> {
    await page.goto(`${server.url}/dashboard`);
    await settle(page);
    const card = page.locator('.vc-stat-card').filter({ hasText: title });
    const text = (await card.locator('.ant-statistic-content-value').textContent()) ?? '';
    return Number(text.replace(/[^\d]/g, ''));
  }

  it('opens on the sign-in page, then on the demo book’s dashboard', async () => {
    const { page, errors } = await newSession(browser);
    sessions.push({ username: '(signed out)', errors });
    await page.goto(server.url);
    await page.waitForURL(/\/login/);
    await settle(page);
    await screenshot(page, '01-sign-in');
    await page.close();
    const kefu = await signIn('kefu');
    await settle(kefu);
    expect(await dashboardCount(kefu, '未结问题件')).toBeGreaterThan(0);
    await screenshot(kefu, '02-dashboard');
    await kefu.goto(`${server.url}/items`);
    await settle(kefu);
    expect(await kefu.locator('.ant-table-tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await screenshot(kefu, '03-items');
    await kefu.close();
  });

  it('a back-office user opens an overdue item, uploads evidence, corrects a phone and submits', async () => {
    const page = await signIn('neiqin');
    await page.goto(`${server.url}/items?assignee=me&overdue=true`);
    await settle(page);
    await screenshot(page, '10-my-overdue-items');
    const first = page.locator('.ant-table-tbody tr.ant-table-row a').first();
    itemNo = ((await first.textContent()) ?? '').trim();
    expect(itemNo).toMatch(/^Q\d{8}-\d{6}$/);
    await first.click();
    await page.waitForURL(new RegExp(`/items/${itemNo}$`));
    await settle(page);
    await expect.poll(() => page.getByText('已逾期').count()).toBeGreaterThan(0);
    await screenshot(page, '11-overdue-item');

    const report = path.join(SCREENSHOTS, 'investigation-report.pdf');
    fs.writeFileSync(report, demoPdf(['Investigation report', `Item ${itemNo}`, 'Signed: back office']));
    await page.locator('[data-action="evidence"]').click();
    const upload = page.getByRole('dialog');
    await upload.getByRole('combobox').click();
    await page.getByText('内勤签字调查报告', { exact: true }).last().click();
    await upload.locator('input[type=file]').setInputFiles(report);
    await screenshot(page, '12-evidence-upload');
    await upload.getByRole('button', { name: /上\s*传/ }).click();
    await expect.poll(() => page.getByRole('link', { name: /investigation-report\.pdf/ }).count()).toBe(1);

    await page.locator('[data-action="correct"]').click();
    const correction = page.getByRole('dialog');
    await correction.getByRole('combobox').fill(corrected);
    await correction.getByRole('combobox').press('Enter');
    await screenshot(page, '13-correction');
    await correction.getByRole('button', { name: /提交校验/ }).click();
    await expect.poll(() => page.getByText('更正资料（已通过校验）').count()).toBeGreaterThan(0);

    await page.locator('[data-action="submit"]').click();
    const submit = page.getByRole('dialog');
    await submit.getByText('已更正客户资料').click();
    await submit.getByRole('textbox').fill('投保人确认原手机号为他人所用，已更正为本人号码。');
    await submit.getByRole('button', { name: /提\s*交/ }).click();
    await expect.poll(() => page.locator('.ant-tag').filter({ hasText: '待核实' }).count()).toBeGreaterThan(0);
    await settle(page);
    await screenshot(page, '14-item-submitted');

    // The customer behind the item, masked, and the intake page beside it.
    await page.locator('a[href^="/customers/"]').first().click();
    await settle(page);
    await screenshot(page, '15-customer-360');
    await page.goto(`${server.url}/intake`);
    await settle(page);
    await screenshot(page, '16-intake');
    await page.close();
  });

  it('compliance verifies it, and the dashboard counts change', async () => {
    const page = await signIn('hegui');
    const openBefore = await dashboardCount(page, '未结问题件');
    const clearedBefore = await dashboardCount(page, '本周结案');
    await page.goto(`${server.url}/items/${itemNo}`);
    await settle(page);
    await page.locator('[data-action="verify"]').click();
    await screenshot(page, '20-verify');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /核实通过/ })
      .click();
    await expect.poll(() => page.locator('.ant-tag').filter({ hasText: '已结案' }).count()).toBeGreaterThan(0);
    await settle(page);
    await screenshot(page, '21-item-closed');
    expect(await dashboardCount(page, '未结问题件')).toBe(openBefore - 1);
    expect(await dashboardCount(page, '本周结案')).toBe(clearedBefore + 1);
    await screenshot(page, '22-dashboard-after');
    await page.close();
  });

  it('shows every other page, in zh-CN and in English', async () => {
    const kefu = await signIn('kefu');
    for (const [route, name] of [
      ['/admin/distribution-rules', '30-distribution-rules'],
      ['/commission-holds', '31-commission-holds'],
      ['/customers', '32-customers'],
    ] as const) {
      await kefu.goto(`${server.url}${route}`);
      await settle(kefu);
      await screenshot(kefu, name);
    }
    await kefu.getByRole('button', { name: '切换语言' }).click();
    await kefu.goto(`${server.url}/items`);
    await settle(kefu);
    await expect.poll(() => kefu.getByText('Problem items').count()).toBeGreaterThan(0);
    await screenshot(kefu, '33-items-english');
    await kefu.close();

    const admin = await signIn('admin');
    for (const [route, name] of [
      ['/admin/users', '40-users'],
      ['/admin/api-keys', '41-api-keys'],
    ] as const) {
      await admin.goto(`${server.url}${route}`);
      await settle(admin);
      await screenshot(admin, name);
    }
    await admin.close();
  });

  it('logged no console error on any page', () => {
    expect(sessions.flatMap((s) => s.errors.map((e) => `[${s.username}] ${e}`))).toEqual([]);
  });

  it('left no corrected phone, known ID number, phone or account in plaintext in the store or the logs', () => {
    const known = [corrected, ...knownDemoValues(server.dataDir)];
    expect(known.length).toBeGreaterThan(300);
    const store = ['veracity.db', 'veracity.db-wal']
      .map((f) => path.join(server.dataDir, f))
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f).toString('latin1'));
    const logs = server.output();
    for (const value of known) {
      for (const text of [...store, logs]) expect(text.includes(value), value).toBe(false);
    }
  });
});

/** A sample of the demo book's own ID numbers, phones and accounts (what the store seals). */
function knownDemoValues(dataDir: string): string[] {
  const lines = fs
    .readFileSync(path.join(dataDir, 'demo', 'applications.jsonl'), 'utf8')
    .split('\n')
    .slice(0, 200);
  const values = new Set<string>();
  for (const line of lines) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as {
      applicant?: { idNo?: string; phones?: string[] };
      payerAccount?: { accountNo?: string };
    };
    if (record.applicant?.idNo && record.applicant.idNo.length >= 15) values.add(record.applicant.idNo);
    for (const phone of record.applicant?.phones ?? []) {
      const digits = phone.replace(/\D/g, '').replace(/^(0086|86)/, '');
      if (digits.length === 11) values.add(digits);
    }
    const account = record.payerAccount?.accountNo?.replace(/\D/g, '');
    if (account && account.length >= 12) values.add(account);
  }
  return [...values];
}
