import { describe, expect, it, vi } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { apiSession, launchBrowser, logIn, newPage, startServer } from './support.ts';
import { shanghaiToday } from '../../src/app/context.ts';
import { addDays } from '../../src/app/dates.ts';
import { centerBody } from '../support/childcare.ts';

const INSPECTED_ON = '检查日期';
const DEADLINE = '整改期限';

const server = await startServer();
const browser = await launchBrowser();

/** The error text shown under one form item. */
const itemError = (scope: Page | Locator, label: string) => scope.locator('.ant-form-item', { hasText: label }).locator('.ant-form-item-explain-error');

/** Every toast shown so far, as text. */
const toasts = (page: Page) => page.locator('.ant-message-notice').allInnerTexts();

describe('the form-error helper', () => {
  it('puts errors on their fields, says 请选择 for an empty choice, and clears an error when its field changes', async () => {
    const page = await newPage(browser, server.url);
    await logIn(page, 'city-admin');
    await page.goto(`${server.url}/users`);
    await page.getByRole('button', { name: /新建用户/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /确/ }).click();
    await itemError(dialog, '姓名').getByText('此项必填').waitFor();
    await itemError(dialog, '角色').getByText('请选择').waitFor();
    expect(await dialog.getByText('请输入').count()).toBe(0);
    expect(await dialog.getByText('不是可选的值').count()).toBe(0);

    await dialog.getByLabel('姓名').fill('表单测试');
    await expect.poll(() => itemError(dialog, '姓名').count()).toBe(0);
    // The dropdown opens with an animation: retry until the choice shows in the select.
    const roleItem = dialog.locator('.ant-form-item', { hasText: '角色' });
    await vi.waitFor(
      async () => {
        if ((await roleItem.getByText('系统管理员', { exact: true }).count()) > 0) return;
        await roleItem.locator('.ant-select').click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '系统管理员' }).first().click({ timeout: 5_000 });
        await roleItem.getByText('系统管理员', { exact: true }).waitFor({ timeout: 2_000 });
      },
      { timeout: 30_000, interval: 500 },
    );
    await expect.poll(() => itemError(dialog, '角色').count()).toBe(0);

    // The server's answer lands under its field, and goes away once the field is changed.
    await dialog.getByLabel('用户名').fill('city-admin');
    await dialog.getByLabel('初始密码').fill('Kangyu-Form-Test-2026');
    await dialog.locator('.ant-form-item', { hasText: '管辖范围' }).locator('.ant-select').click();
    await page.locator('.ant-cascader-menu-item', { hasText: '绍兴市' }).first().click();
    await page.locator('.ant-cascader-menu-item', { hasText: '越城区' }).first().click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: /确/ }).click();
    await itemError(dialog, '用户名').getByText('用户名已被使用').waitFor();
    expect(await dialog.getByText('提交的信息有误').count()).toBe(0);
    await dialog.getByLabel('用户名').fill('form-test-user');
    await expect.poll(() => itemError(dialog, '用户名').count()).toBe(0);
  });

  it('puts a nested path on its field, never shows the raw path, and shows a refusal as a plain sentence', async () => {
    // A scheduled inspection of a 越城区 center, made through the API.
    const county = await apiSession(server.url, 'yuecheng-health');
    const operator = await apiSession(server.url, 'tashan-center');
    const center = { name: '表单测试托育园', ...(await operator.post<{ id: string }>('/childcare/centers', centerBody({ name: '表单测试托育园' }))) };
    const inspection = await county.post<{ id: string }>('/supervision/inspections', { centerId: center.id, inspectionType: 'routine', scheduledOn: shanghaiToday() });

    const page = await newPage(browser, server.url);
    await logIn(page, 'yuecheng-health');
    await page.goto(`${server.url}/childcare/supervision?tab=inspections`);
    await page.getByRole('row', { name: new RegExp(`${center.name}.*待检查`) }).first().locator('a').first().click();
    const drawer = page.getByRole('dialog');
    const typeDate = async (placeholder: string, date: string) => {
      await drawer.getByPlaceholder(placeholder).fill(date);
      await drawer.getByPlaceholder(placeholder).press('Enter');
    };
    await typeDate(INSPECTED_ON, shanghaiToday());
    const rows = drawer.locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    const n = await rows.count();
    expect(n).toBeGreaterThan(1);
    await rows.nth(0).getByText('不符合', { exact: true }).click();
    for (let i = 1; i < n; i++) await rows.nth(i).getByText('符合', { exact: true }).click();
    await typeDate(DEADLINE, addDays(shanghaiToday(), 30));
    await drawer.getByRole('button', { name: '登记检查结果' }).click();

    // `findings.<item code>` lands under that item's description box.
    await rows.nth(0).locator('.ant-form-item-explain-error').getByText('不合格项须填写问题描述').waitFor();
    for (const text of await toasts(page)) expect(text).not.toMatch(/findings|提交的信息有误/);
    await rows.nth(0).locator('input[type=text]').fill('晨检记录缺失');
    await expect.poll(() => rows.nth(0).locator('.ant-form-item-explain-error').count()).toBe(0);

    // Someone else records the result meanwhile: the refusal is one plain sentence.
    const items = (await county.get<{ types: Record<string, { code: string }[]> }>('/supervision/checklists')).types.routine;
    await county.post(`/supervision/inspections/${inspection.id}/result`, { inspectedOn: shanghaiToday(), results: Object.fromEntries(items.map((i) => [i.code, 'pass'])) });
    await drawer.getByRole('button', { name: '登记检查结果' }).click();
    await page.locator('.ant-message-notice').getByText('该检查已登记结果').waitFor();
    for (const text of await toasts(page)) {
      expect(text).not.toContain('提交的信息有误');
      expect(text).not.toMatch(/status|findings/);
    }
  });
});
