import { describe, expect, it } from 'vitest';
import { launchBrowser, logIn, newPage, startServer } from './support.ts';
import { composeIdNumber } from '../../src/modules/people/idNumber.ts';
import { DEMO_PASSWORD } from '../../src/seed/index.ts';

const server = await startServer();
const browser = await launchBrowser();

/** A person registered in 嵊州市, through the API as its administrator. */
async function registerIn嵊州(name: string, idNumber: string): Promise<void> {
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'shengzhou-admin', password: DEMO_PASSWORD }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const res = await fetch(`${server.url}/api/people`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name, idNumber, unitCode: '330683001002' }),
  });
  expect(res.status).toBe(201);
}

describe('the people pages', () => {
  const idNumber = composeIdNumber('330683', '1990-10-10', 35);
  const registered = registerIn嵊州('浏览器迁移', idNumber);

  it('send an ID number typed into the name search by POST, never in a URL', async () => {
    await registered;
    const page = await newPage(browser, server.url);
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    await logIn(page, 'tashan-staff');
    await page.getByRole('menuitem', { name: '人员信息' }).click();
    await page.getByLabel('姓名（前缀）').fill(idNumber);
    await page.getByRole('button', { name: '查 询' }).click();
    await page.getByText('辖区内未找到该身份证号对应的人员').waitFor();
    expect(urls.some((u) => u.endsWith('/api/people/lookup'))).toBe(true);
    expect(urls.filter((u) => u.includes(idNumber.slice(0, 10)))).toEqual([]);
    expect(page.url()).not.toContain(idNumber.slice(0, 10));
  });

  it('refuse a registration held elsewhere without saying where; the administrator covering both approves the move', async () => {
    await registered;
    const staff = await newPage(browser, server.url);
    await logIn(staff, 'tashan-staff');
    await staff.getByRole('menuitem', { name: '人员信息' }).click();
    await staff.getByRole('button', { name: /登记人员/ }).click();
    const drawer = staff.getByRole('dialog');
    await drawer.getByLabel('姓名').fill('浏览器迁移');
    await drawer.getByLabel('身份证号').fill(idNumber);
    await drawer.locator('.ant-form-item', { hasText: '所属村（社区）' }).locator('.ant-select').click();
    await staff.locator('.ant-cascader-menu-item', { hasText: '塔山街道' }).click();
    await staff.locator('.ant-cascader-menu-item', { hasText: '花园社区' }).click();
    await staff.keyboard.press('Escape');
    await staff.getByTestId('register-submit').click();
    await drawer.getByText('该身份证号已有登记，不能重复登记；已提交人员迁入申请，由上级管理员审核').waitFor();
    expect(await drawer.getByText('嵊州').count()).toBe(0);

    const admin = await newPage(browser, server.url);
    await logIn(admin, 'city-admin');
    await admin.getByRole('menuitem', { name: '人员迁入申请' }).click();
    const row = admin.locator('tr', { hasText: '浏览器迁移' });
    await row.getByText('由本级审核').waitFor();
    await row.getByTestId('transfer-approve').click();
    const modal = admin.getByRole('dialog');
    await modal.getByText(/同意将 浏览器迁移（330683\*{8}\d{3}[\dX]）从 嵊州市 剡湖街道 新北社区 迁入 越城区 塔山街道 花园社区/).waitFor();
    await modal.getByRole('button', { name: '同意迁入' }).click();
    await admin.getByText('已同意 浏览器迁移 迁入 越城区 塔山街道 花园社区').waitFor();
    await admin.locator('.ant-segmented-item', { hasText: '已处理' }).click();
    await admin.locator('tr', { hasText: '浏览器迁移' }).getByText('已同意迁入').waitFor();

    await staff.goto(`${server.url}/people-transfers?status=all`);
    const mine = staff.locator('tr', { hasText: '浏览器迁移' });
    await mine.getByText('已同意迁入').waitFor();
    await mine.getByText('不向申请方显示').first().waitFor();
    expect(await staff.locator('main').getByText('新北社区').count()).toBe(0);
    await mine.getByText('查看人员').click();
    await staff.getByTestId('id-number').waitFor();
  });
});
