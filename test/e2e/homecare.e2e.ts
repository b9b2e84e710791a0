import { describe, expect, it } from 'vitest';
import { apiSession, launchBrowser, logIn, newPage, startServer } from './support.ts';
import { composeIdNumber } from '../../src/modules/people/idNumber.ts';
import { shanghaiToday } from '../../src/app/context.ts';
import { DEMO_PASSWORD } from '../../src/seed/index.ts';

const server = await startServer();
const browser = await launchBrowser();

describe('a 助餐 order paid from the care card, in the browser', () => {
  it('the county issues the card, staff order a meal, the provider serves it, the elderly person confirms and pays, the statement shows it', async () => {
    const today = shanghaiToday();
    const staff = await apiSession(server.url, 'tashan-staff');
    const elder = await staff('POST', '/people', { name: '浏览器王阿婆', idNumber: composeIdNumber('330602', '1941-04-04', 515), unitCode: '330602001004' });
    const county = await apiSession(server.url, 'yuecheng-health');
    const provider = await county<{ id: string }>('POST', '/homecare/providers', { unitCode: '330602', name: '浏览器助餐中心', categories: ['meal'], username: 'yuecheng-provider' });
    await county('POST', `/homecare/providers/${provider.id}/items`, { category: 'meal', name: '午餐送餐', chargeUnit: 'service', priceFen: 15_00 });
    await county('POST', '/homecare/self-links', { username: 'tashan-elder', personId: elder.id });

    // The county issues 200 yuan, confirming the person and the amount.
    const page = await newPage(browser, server.url);
    await logIn(page, 'yuecheng-health');
    await page.goto(`${server.url}/elderly/care-card`);
    await page.getByTestId('issue-card').click();
    await page.getByTestId('issue-person').click();
    await page.keyboard.type('浏览器王阿婆');
    await page.getByText('浏览器王阿婆（85 岁', { exact: false }).click();
    await page.getByTestId('issue-amount').fill('200');
    await page.locator('.ant-modal-footer').getByRole('button', { name: /^确\s?认$/ }).click();
    await page.getByText('向 浏览器王阿婆（85 岁', { exact: false }).waitFor();
    await expect(page.getByText('200.00 元', { exact: false }).first().isVisible()).resolves.toBe(true);
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /^确\s?认$/ }).click();
    await page.getByText('已向 浏览器王阿婆 发放 200.00 元').waitFor();
    await page.screenshot({ path: '/tmp/homecare-card.png', fullPage: true });

    // Staff order two lunches paid from the card.
    const staffPage = await newPage(browser, server.url);
    await logIn(staffPage, 'tashan-staff');
    await staffPage.goto(`${server.url}/elderly/services`);
    await staffPage.getByTestId('new-order').click();
    await staffPage.getByTestId('order-person').click();
    await staffPage.keyboard.type('浏览器王阿婆');
    await staffPage.getByText('浏览器王阿婆（85 岁', { exact: false }).click();
    await staffPage.getByTestId('order-provider').click();
    await staffPage.getByText('浏览器助餐中心', { exact: true }).click();
    await staffPage.getByTestId('order-item').click();
    await staffPage.getByText('助餐 · 午餐送餐', { exact: false }).click();
    await staffPage.locator('input[id="quantity"]').fill('2');
    await staffPage.getByTestId('order-date').fill(today);
    await staffPage.getByText('金额（元）：30.00').waitFor();
    await staffPage.locator('.ant-modal-footer').getByRole('button', { name: /^确\s?认$/ }).click();
    await staffPage.getByText('订单已提交').waitFor();
    await staffPage.getByRole('cell', { name: '午餐送餐 × 2' }).waitFor();
    await staffPage.screenshot({ path: '/tmp/homecare-orders.png', fullPage: true });

    // The provider accepts (30 yuan held) and records the visit.
    const prov = await apiSession(server.url, 'yuecheng-provider');
    const [order] = (await prov<{ items: { id: string }[] }>('GET', '/homecare/orders?status=requested')).items;
    expect((await prov<{ holdStatus: string }>('POST', `/homecare/orders/${order.id}/accept`, {})).holdStatus).toBe('held');
    await prov('POST', `/homecare/orders/${order.id}/visit`, {});

    // The elderly person sees the held amount, confirms the service naming the amount, and pays.
    const elderPage = await newPage(browser, server.url);
    await elderPage.getByLabel('用户名').fill('tashan-elder');
    await elderPage.getByLabel('密码').fill(DEMO_PASSWORD);
    await elderPage.getByRole('button', { name: '登 录' }).click();
    await elderPage.getByText('浏览器王阿婆，您好').waitFor();
    await elderPage.getByText('另有 30.00 元已为待完成的服务预扣').waitFor();
    expect(await elderPage.getByTestId('my-card-available').textContent()).toBe('170.00 元');
    await elderPage.screenshot({ path: '/tmp/homecare-me.png', fullPage: true });
    await elderPage.getByTestId('my-confirm').click();
    await elderPage.getByText('将从爱心卡支付 30.00 元', { exact: false }).waitFor();
    await elderPage.locator('.ant-modal-confirm').getByRole('button', { name: /^确\s?认$/ }).click();
    await elderPage.getByText('已确认，谢谢！').waitFor();
    await elderPage.getByTestId('my-rate').waitFor();
    expect(await elderPage.getByTestId('my-card-available').textContent()).toBe('170.00 元');
    await expect(elderPage.getByText('预扣').count()).resolves.toBe(0);

    // The county reads the statement: the issue and the meal payment, with the balance after each.
    await page.reload();
    await page.locator('td a', { hasText: '浏览器王阿婆' }).click();
    await page.locator('.ant-drawer').getByText('消费').waitFor();
    await page.locator('.ant-drawer').getByText('-30.00').waitFor();
    await page.locator('.ant-drawer').getByText('+200.00').waitFor();
    await page.screenshot({ path: '/tmp/homecare-statement.png', fullPage: true });

    // A volunteer's service recorded by staff is confirmed on the time-bank page and credited.
    const volunteer = await staff('POST', '/people', { name: '浏览器志愿者', idNumber: composeIdNumber('330602', '1963-05-05', 516), unitCode: '330602001004' });
    await staff('POST', '/homecare/time/services', { volunteerId: volunteer.id, recipientId: elder.id, serviceType: 'emotionalSupport', servedOn: today, minutes: 90, description: '陪老人聊天' });
    await staffPage.goto(`${server.url}/elderly/time-bank`);
    await staffPage.getByRole('tab', { name: '志愿服务记录' }).click();
    await staffPage.getByRole('button', { name: '确认并存入' }).click();
    await staffPage.getByText('确认 浏览器志愿者 的这次服务，存入 1.5 小时？', { exact: false }).waitFor();
    await staffPage.locator('.ant-modal-confirm').getByRole('button', { name: /^确\s?认$/ }).click();
    await staffPage.getByText('已存入 1.5 小时').waitFor();
    await staffPage.getByRole('tab', { name: '志愿者时长' }).click();
    await staffPage.getByRole('cell', { name: '浏览器志愿者' }).waitFor();
    await staffPage.screenshot({ path: '/tmp/homecare-timebank.png', fullPage: true });
  }, 300_000);
});
