import { describe, expect, it } from 'vitest';
import { launchBrowser, logIn, newPage, startServer } from './support.ts';

const server = await startServer();
const browser = await launchBrowser();

describe('feedback and the not-found page', () => {
  it('says the demo is a demo on the login page, with its password', async () => {
    const page = await newPage(browser, server.url);
    await page.getByTestId('demo-banner').getByText('演示环境').waitFor();
    await page.getByText('演示账号的密码均为').waitFor();
  });

  it('shows a not-found page for an unknown address and 未找到 for an unknown record', async () => {
    const page = await newPage(browser, server.url);
    await logIn(page, 'city-admin');
    await page.goto(`${server.url}/no-such-page`);
    await page.getByText('未找到该页面').waitFor();
    expect(await page.getByText('您好，市平台管理员').count()).toBe(0);
    await page.getByRole('button', { name: '返回首页' }).click();
    await page.getByText('您好，市平台管理员').waitFor();

    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-record']) {
      await page.goto(`${server.url}/childcare/centers/${id}`);
      await page.getByText('未找到该记录').waitFor();
      expect(await page.getByText('提交的信息有误').count()).toBe(0);
    }
  });

  it('shows the API documentation to technical roles only', async () => {
    const page = await newPage(browser, server.url);
    await logIn(page, 'city-admin');
    await page.getByText('接口文档').waitFor();
    const official = await newPage(browser, server.url);
    await logIn(official, 'yuecheng-health');
    expect(await official.getByText('接口文档').count()).toBe(0);
  });
});
