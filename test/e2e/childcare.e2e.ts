import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiSession, launchBrowser, logIn, newPage, startServer } from './support.ts';
import { DEMO_REVIEWERS } from '../../src/modules/childcare/demoUsers.ts';

const server = await startServer();
const browser = await launchBrowser();

async function upload(page: Page, kind: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(`upload-${kind}`).click();
  await (await chooser).setFiles({ name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n${kind}\n%%EOF`) });
  await page.getByRole('cell').locator('a', { hasText: `${kind}.pdf` }).waitFor();
}

describe('filing a childcare center in the browser', () => {
  it('the operator registers and submits, the departments approve, the county files, the center shows as filed, and the county later suspends it with the reason', async () => {
    const operator = await newPage(browser, server.url);
    await logIn(operator, 'tashan-center');
    await operator.getByRole('menuitem', { name: '托育机构与备案' }).click();
    await operator.getByTestId('register-center').click();

    // Step 1: the center.
    await operator.getByText('登记托育机构（机构办托“一件事”）').waitFor();
    await operator.getByRole('textbox', { name: '机构名称' }).fill('浏览器测试托育园');
    await operator.getByRole('textbox', { name: '举办者' }).fill('绍兴市浏览器测试托育有限公司');
    await operator.getByRole('button', { name: '下一步' }).click();
    // Step 2: premises and place, the point picked on the map.
    await operator.getByLabel('地址').fill('绍兴市越城区塔山街道测试路 1 号');
    await operator.getByLabel('建筑面积（平方米）').fill('520');
    const map = operator.getByTestId('map-picker');
    await expect.poll(async () => (await map.locator('canvas').count()) > 0, { timeout: 15_000 }).toBe(true);
    const box = (await map.boundingBox())!;
    await operator.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => operator.getByLabel('经度').inputValue(), { timeout: 5_000 }).toMatch(/^12\d\.\d+/);
    await operator.getByRole('button', { name: '下一步' }).click();
    // Step 3: one toddler class of 15.
    await operator.getByLabel('班级名称').fill('芽芽班');
    await operator.getByTestId('save-center').click();

    // Step 4: evidence and submission on the center's page.
    await operator.getByTestId('center-name').getByText('浏览器测试托育园').waitFor();
    const centerUrl = operator.url().split('?')[0];
    const centerId = centerUrl.split('/').pop()!;
    for (const kind of ['registration', 'fireSafety', 'healthEvaluation', 'staffCertificate']) await upload(operator, kind);
    await operator.getByTestId('submit-filing').click();
    await operator.getByTestId('center-status').getByText('已提交').waitFor();

    // The fire department reviews its part in the browser; the other nine through the API.
    const fire = await newPage(browser, server.url);
    await logIn(fire, 'yuecheng-xfj');
    await fire.goto(`${server.url}/childcare/centers/filings?awaitingMe=true`);
    await fire.getByRole('cell', { name: '浏览器测试托育园' }).click();
    await fire.getByTestId('approve-part').click();
    await fire.getByRole('row', { name: /^消防 / }).getByText('通过').waitFor();
    for (const r of DEMO_REVIEWERS.filter((x) => x.department !== 'fireRescue')) {
      const reviewer = await apiSession(server.url, r.username);
      const center = await reviewer.get<{ filings: { id: string }[] }>(`/childcare/centers/${centerId}`);
      await reviewer.post(`/childcare/filings/${center.filings[0].id}/reviews`, { decision: 'approved' });
    }

    // The county health department files it.
    const county = await newPage(browser, server.url);
    await logIn(county, 'yuecheng-health');
    await county.goto(`${centerUrl}?tab=filing`);
    await county.getByTestId('approvals-count').getByText('10/10 部门已通过').waitFor();
    await county.getByTestId('file-center').click();
    // Filing is irreversible: a confirmation names the center first.
    await county.locator('.ant-modal-confirm-title', { hasText: '准予 浏览器测试托育园 备案？' }).waitFor();
    await county.getByRole('dialog').getByRole('button', { name: '准予备案' }).click();
    await county.getByTestId('center-status').getByText('已备案').waitFor();
    await county.getByText(/备案号 330602-\d{4}-\d{4}/).waitFor();

    // The operator sees the center filed, with the step on the timeline.
    await operator.goto(`${centerUrl}?tab=filing`);
    await operator.getByTestId('center-status').getByText('已备案').waitFor();
    await operator.getByText('准予备案').first().waitFor();
    await operator.goto(`${server.url}/childcare/centers`);
    await operator.getByRole('row', { name: /浏览器测试托育园/ }).getByText('已备案').waitFor();

    // Later the county suspends it: the reason is required, then kept on the operation record.
    await county.goto(centerUrl);
    await county.getByTestId('status-suspend').click();
    await county.getByTestId('status-confirm').click();
    await county.getByText('请填写原因').waitFor();
    await county.getByTestId('status-reason').fill('消防通道堵塞，整改期间暂停收托');
    await county.getByTestId('status-confirm').click();
    await county.getByTestId('center-status').getByText('已暂停').waitFor();
    await county.getByTestId('status-events').getByText('消防通道堵塞，整改期间暂停收托').waitFor();
    await county.getByTestId('status-resume').waitFor();
  });
});
