import { describe, expect, it } from 'vitest';
import { launchBrowser, logIn, newPage, startServer } from './support.ts';
import { composeIdNumber } from '../../src/modules/people/idNumber.ts';

const server = await startServer();
const browser = await launchBrowser();

describe('the web app', () => {
  it('logs in, switches language and opens the admin tree down to a township', async () => {
    const page = await newPage(browser, server.url);
    expect(await page.title()).toContain('康育');
    await logIn(page, 'city-admin');
    await page.getByText('您好，市平台管理员').waitFor();
    // Every capability of the plan is built: no menu entry is marked as coming.
    expect(await page.getByText('即将上线').count()).toBe(0);

    await page.getByText('English', { exact: true }).click();
    await page.getByText('Hello, 市平台管理员').waitFor();
    await page.getByRole('menuitem', { name: 'Admin tree' }).click();
    await page.getByRole('heading', { name: 'Population base' }).waitFor();

    const tree = page.getByTestId('org-tree');
    await tree.getByText('越城区').click();
    await page.getByTestId('unit-title').getByText('绍兴市 / 越城区').waitFor();
    await page.locator('.ant-tree-treenode', { hasText: '越城区' }).locator('.ant-tree-switcher').click();
    await tree.getByText('塔山街道').click();
    await page.getByTestId('unit-title').getByText('绍兴市 / 越城区 / 塔山街道').waitFor();
    // The title changes before the township's villages arrive: wait for the row, then count it.
    await page.getByRole('cell', { name: '花园社区' }).first().waitFor();
    expect(await page.getByRole('cell', { name: '花园社区' }).count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('unit')).toBe('330602001');
  });

  it('keeps a county user inside the county', async () => {
    const page = await newPage(browser, server.url);
    await logIn(page, 'yuecheng-admin');
    await page.getByRole('menuitem', { name: '行政区划' }).click();
    await page.getByTestId('org-tree').getByText('越城区').waitFor();
    expect(await page.getByText('嵊州市').count()).toBe(0);
  });

  it('shows field errors for a bad ID number and registers a good one', async () => {
    const page = await newPage(browser, server.url);
    await logIn(page, 'tashan-staff');
    await page.getByRole('menuitem', { name: '人员信息' }).click();
    await page.getByRole('button', { name: /登记人员/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('姓名').fill('浏览器测试');
    await drawer.getByLabel('身份证号').fill('110105194912310021');
    await drawer.locator('.ant-form-item', { hasText: '所属村（社区）' }).locator('.ant-select').click();
    await page.locator('.ant-cascader-menu-item', { hasText: '塔山街道' }).click();
    await page.locator('.ant-cascader-menu-item', { hasText: '花园社区' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('register-submit').click();
    await drawer.getByText('身份证号校验位不正确，请核对是否有输错的数字').waitFor();

    const id = composeIdNumber('330602', '2025-02-03', 12);
    await drawer.getByLabel('身份证号').fill(id);
    await expect.poll(() => drawer.getByLabel('出生日期').inputValue(), { timeout: 15_000 }).toBe('2025-02-03');
    await page.getByTestId('register-submit').click();
    await page.getByTestId('id-number').getByText(`330602********${id.slice(14)}`).waitFor();
  });
});
