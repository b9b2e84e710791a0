import { describe, expect, it } from 'vitest';
import { apiSession, launchBrowser, logIn, newPage, startServer } from './support.ts';
import { composeIdNumber } from '../../src/modules/people/idNumber.ts';
import { abilityScores } from '../support/elderly.ts';

const server = await startServer();
const browser = await launchBrowser();
const SHOTS = process.env.E2E_SCREENSHOTS;

describe('elderly profiles in the browser', () => {
  it('a county official finds a person, reads the needs and why, assesses ability with field errors first, and sees the waiting list', async () => {
    const call = await apiSession(server.url, 'yuecheng-health');
    const person = await call('POST', '/people', { name: '浏览器测老人', idNumber: composeIdNumber('330602', '1943-03-03', 71), unitCode: '330602001004' });
    await call('PUT', `/elderly/profiles/${person.id}`, { household: 'localUrban', livingArrangement: 'alone', economicStatus: 'lowIncome', healthStatus: 'chronic', careMode: 'home', flags: [] });
    const other = await call('POST', '/people', { name: '浏览器测轮候', idNumber: composeIdNumber('330602', '1950-05-05', 72), unitCode: '330602001004' });
    await call('POST', `/elderly/profiles/${other.id}/assessments`, { assessedOn: '2026-01-10', reason: 'first', scores: abilityScores(70) });
    const home = await call('POST', '/elderly/institutions', { unitCode: '330602001', name: '浏览器测敬老院', publicHome: true, beds: 60, nursingBeds: 40, dementiaBeds: 3, socialWorkers: 1 });
    await call('POST', `/elderly/institutions/${home.id}/waiting-list`, { personId: other.id, appliedOn: '2026-02-01' });

    const page = await newPage(browser, `${server.url}/`);
    await logIn(page, 'yuecheng-health');
    await page.goto(`${server.url}/elderly/profiles?q=浏览器测老人`);
    await page.getByTestId('profile-row').first().click();
    const needs = page.getByTestId('needs');
    await needs.getByText('探访关爱').waitFor();
    expect(await needs.textContent()).toContain('独居');
    expect(await needs.textContent()).toContain('尚未进行能力评估');
    expect(await needs.textContent()).toContain('低保对象');
    await page.waitForTimeout(600);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/elderly-drawer.png`, fullPage: false });

    await page.getByTestId('add-assessment').click();
    const dialog = page.getByRole('dialog', { name: /新增能力评估/ });
    await dialog.getByText('依据《老年人能力评估规范》').waitFor();
    // Leave 进食 empty: the API's field error shows under the field.
    const scores = abilityScores(50);
    // The confirmation names the person before the assessment is stored.
    const confirmAssessment = async () => {
      const confirm = page.locator('.ant-modal-confirm').filter({ hasText: '确认为 浏览器测老人 提交这次能力评估' }).last();
      await confirm.waitFor();
      await confirm.getByRole('button', { name: /确\s*定|OK/ }).click();
      await confirm.waitFor({ state: 'detached' });
    };
    const score = (code: string) => dialog.locator(`input[data-testid="score-${code}"], [data-testid="score-${code}"] input`).first();
    for (const [code, v] of Object.entries(scores)) if (code !== 'eating') await score(code).fill(String(v));
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await confirmAssessment();
    await dialog.getByText('请为这一项打分').waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/elderly-assessment-error.png` });
    await score('eating').fill(String(scores.eating));
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await confirmAssessment();
    await page.getByText('已为 浏览器测老人 记录能力评估：总分 50，中度失能').waitFor();
    await needs.getByText('能力评估为中度失能').waitFor();

    await page.goto(`${server.url}/elderly/profiles?tab=waiting&home=${home.id}`);
    await page.getByTestId('position').first().waitFor();
    expect(await page.getByTestId('position').first().textContent()).toBe('1');
    expect(await page.getByTestId('why').first().textContent()).toContain('同等级按申请日期：2026-02-01');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/elderly-waiting.png` });

    await page.goto(`${server.url}/elderly/profiles?tab=institutions`);
    await page.getByText('护理型床位占比').waitFor();
    await page.getByText('浏览器测敬老院').waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/elderly-institutions.png` });
  });
});
