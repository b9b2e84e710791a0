import { describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, logIn, newPage, startServer } from './support.ts';

const server = await startServer();
const browser = await launchBrowser();

/** Picks 越城区 → 塔山街道 in the city unit picker of a report form. */
async function pickTashan(page: Page) {
  await vi.waitFor(
    async () => {
      await page.locator('.ant-cascader').first().click({ force: true });
      await page.locator('.ant-cascader-menu-item', { hasText: '越城区' }).click({ timeout: 5_000 });
      await page.locator('.ant-cascader-menu-item', { hasText: '塔山街道' }).click({ timeout: 5_000 });
    },
    { timeout: 60_000, interval: 500 },
  );
}

async function openCase(page: Page, childName: string) {
  await page.goto(`${server.url}/welfare/protection?q=${encodeURIComponent(childName)}`);
  await page.locator('.ant-table-row', { hasText: childName }).first().click({ timeout: 60_000 });
  await page.getByText('办理经过').waitFor({ timeout: 60_000 });
}

async function step(page: Page, action: string, note?: string) {
  await page.getByRole('button', { name: action }).click();
  const modal = page.locator('.ant-modal');
  await modal.waitFor();
  if (note) await modal.getByLabel('说明').fill(note);
  await modal.getByRole('button', { name: action }).click();
  await page.getByText(`已${action}`).first().waitFor({ timeout: 30_000 });
}

describe('a mandatory report in the browser', () => {
  it('goes from a doctor’s report to a closed case: assigned, handled, referred and closed with the child named', async () => {
    const child = '浏览器测试童';
    // A child-health doctor reports: no case access, only the report form and a receipt.
    const doctor = await newPage(browser, server.url);
    await logIn(doctor, 'tashan-doctor');
    await doctor.goto(`${server.url}/welfare/protection`);
    await doctor.getByText('发现未成年人遭受或疑似遭受侵害').waitFor({ timeout: 60_000 });
    await expect.poll(() => doctor.getByRole('tab', { name: '案件' }).count()).toBe(0);
    await pickTashan(doctor);
    await doctor.getByLabel('儿童姓名').fill(child);
    await vi.waitFor(
      async () => {
        await doctor.getByLabel('情形').click({ force: true });
        await doctor.locator('.ant-select-item-option', { hasText: '暴力伤害' }).click({ timeout: 5_000 });
      },
      { timeout: 30_000, interval: 500 },
    );
    await doctor.getByLabel('发生了什么').fill('就诊时发现孩子背部有多处淤青，孩子说是被家长打的');
    await doctor.getByRole('button', { name: '提交报告' }).click();
    await doctor.getByText(/报告回执号：\d{8}-\d{6}/).waitFor({ timeout: 30_000 });

    // The township supervisor sees the new, unassigned report and assigns the child supervisor.
    const staff = await newPage(browser, server.url);
    await logIn(staff, 'tashan-staff');
    await openCase(staff, child);
    await expect.poll(() => staff.getByText('未指派').count()).toBeGreaterThan(0);
    await vi.waitFor(
      async () => {
        await staff.getByLabel('选择儿童主任、督导员或工作人员').click({ force: true });
        await staff.locator('.ant-select-item-option', { hasText: '周老师' }).click({ timeout: 5_000 });
      },
      { timeout: 30_000, interval: 500 },
    );
    await staff.getByRole('button', { name: '指 派' }).click();
    await staff.getByText('已指派 塔山街道 儿童督导员 周老师').waitFor({ timeout: 30_000 });

    // The child supervisor works the case: emergency response, a referral to the police, assessment, monitoring.
    const director = await newPage(browser, server.url);
    await logIn(director, 'tashan-director');
    await openCase(director, child);
    await expect.poll(() => director.getByRole('button', { name: '核实不实，结案' }).count()).toBe(0);
    await step(director, '启动应急处置');
    await vi.waitFor(
      async () => {
        await director.getByLabel('转介部门').click({ force: true });
        await director.locator('.ant-select-item-option', { hasText: '公安机关' }).click({ timeout: 5_000 });
      },
      { timeout: 30_000, interval: 500 },
    );
    await director.getByLabel('转介事项').fill('请依法调查家庭暴力情况');
    await director.getByRole('button', { name: '转 介' }).click();
    await director.getByText('已转介至公安机关').waitFor({ timeout: 30_000 });
    await step(director, '转入评估帮扶');
    await step(director, '转入监测预防');
    // Closing is a supervisor's step.
    await expect.poll(() => director.getByRole('button', { name: /^结\s?案$/ }).count()).toBe(0);

    // The supervisor closes: the confirmation names the child and needs a reason.
    await staff.reload();
    await staff.getByRole('button', { name: /^结\s?案$/ }).click({ timeout: 60_000 });
    const modal = staff.locator('.ant-modal');
    await modal.getByText(`儿童：${child}`).waitFor();
    await expect.poll(() => modal.getByRole('button', { name: /^结\s?案$/ }).isDisabled()).toBe(true);
    await modal.getByLabel('说明').fill('监护到位，回访无反复');
    await modal.getByRole('button', { name: /^结\s?案$/ }).click();
    await staff.getByText('已结案').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => staff.getByRole('button', { name: '重新启动案件' }).count()).toBe(1);
    await staff.locator('.ant-timeline').getByText('监护到位，回访无反复').waitFor();
  });

  it('takes a report from the public page reached from the sign-in page, and tells only a receipt number', async () => {
    const page = await newPage(browser, server.url);
    await page.getByRole('link', { name: '发现儿童受到侵害？点此报告' }).click();
    await page.getByText('未成年人受侵害报告').waitFor({ timeout: 60_000 });
    await page.getByLabel('发生了什么').fill('小区里有个孩子经常一个人在楼道里哭，看起来很久没吃饭');
    await page.getByRole('button', { name: '提 交' }).click();
    await page.getByText('此项必填').first().waitFor();
    await pickTashan(page);
    await page.getByRole('button', { name: '提 交' }).click();
    await page.getByText('感谢您的报告').waitFor({ timeout: 30_000 });
    await page.getByText(/报告回执号：\d{8}-\d{6}/).waitFor();
  });
});
