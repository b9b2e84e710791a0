import { describe, expect, it, vi } from 'vitest';
import { apiSession, launchBrowser, logIn, newPage, startServer } from './support.ts';
import { addMonths } from '../../src/app/dates.ts';
import { shanghaiToday } from '../../src/app/context.ts';
import { centerBody, STANDARD_EVIDENCE } from '../support/childcare.ts';
import { DEMO_REVIEWERS } from '../../src/modules/childcare/demoUsers.ts';

const server = await startServer();
const browser = await launchBrowser();

describe('grading in the browser', () => {
  it('an operator applying for a grade four months after opening is refused, with the reason and the date it may apply', async () => {
    // A center of the demo operator, opened four months ago, filed through the ten departments and the county.
    const operator = await apiSession(server.url, 'tashan-center');
    const opened = addMonths(shanghaiToday(), -4);
    const center = await operator.post<{ id: string; filingId: string }>('/childcare/centers', centerBody({ name: '浏览器测评托育园', openedOn: opened }));
    for (const kind of STANDARD_EVIDENCE) {
      const form = new FormData();
      form.append('file', new Blob([`%PDF-1.4\n${kind}\n%%EOF`], { type: 'application/pdf' }), `${kind}.pdf`);
      await operator.upload(`/childcare/centers/${center.id}/documents?kind=${kind}`, form);
    }
    await operator.post(`/childcare/filings/${center.filingId}/submit`);
    for (const r of DEMO_REVIEWERS) await (await apiSession(server.url, r.username)).post(`/childcare/filings/${center.filingId}/reviews`, { decision: 'approved' });
    await (await apiSession(server.url, 'yuecheng-health')).post(`/childcare/filings/${center.filingId}/decision`, { decision: 'file' });

    const page = await newPage(browser, server.url);
    await logIn(page, 'tashan-center');
    await page.goto(`${server.url}/childcare/grading`);
    await page.getByTestId('new-application').click({ timeout: 60_000 });
    const modal = page.locator('.ant-modal');
    await modal.waitFor({ timeout: 30_000 });
    // On a loaded machine the dropdown may open before its options arrive, or the first click
    // may land during the modal's animation: open it and pick, until the option is there.
    await vi.waitFor(
      async () => {
        if (!(await modal.isVisible())) await page.getByTestId('new-application').click();
        await page.locator('#new-application_centerId').click({ force: true, timeout: 5_000 });
        await page.getByTitle('浏览器测评托育园').click({ timeout: 5_000 });
      },
      { timeout: 60_000, interval: 500 },
    );
    await expect.poll(() => page.getByText('暂不符合申报条件').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await vi.waitFor(
      async () => {
        await page.locator('#new-application_level').click({ force: true, timeout: 5_000 });
        await page.getByTitle('三级').click({ timeout: 5_000 });
      },
      { timeout: 60_000, interval: 500 },
    );
    // A retried pick may leave the dropdown open over the buttons: close it by a click beside it.
    const openDropdowns = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await expect
      .poll(
        async () => {
          if (await openDropdowns.count()) await modal.locator('.ant-modal-title').click();
          return openDropdowns.count();
        },
        { timeout: 15_000 },
      )
      .toBe(0);
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByTestId('submit-application').click();
    const refusal = page.getByTestId('eligibility-refusal');
    await refusal.waitFor({ timeout: 30_000 });
    const eligibleFrom = addMonths(opened, 6);
    expect(await refusal.innerText()).toContain(`办托未满 6 个月（${opened} 开始办托，${eligibleFrom} 起可申报）`);
  });
});
