import { describe, expect, it } from 'vitest';
import { launchBrowser, logIn, newPage, startServer } from './support.ts';

const server = await startServer();
const browser = await launchBrowser();

describe('the cockpit in the browser', () => {
  it('a city official opens the cockpit, picks an indicator and drills into a county', async () => {
    const page = await newPage(browser, server.url);
    await logIn(page, 'city-health');
    await page.getByRole('menuitem', { name: '驾驶舱' }).click();
    await page.getByTestId('cockpit-path').getByText('绍兴市').waitFor();

    await page.getByTestId('indicator-select').click();
    await page.keyboard.type('医防护');
    await page.locator('.ant-select-item-option').filter({ hasText: '儿童健康管理中心覆盖率' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('indicator'), { timeout: 15_000 }).toBe('health.centerCoverage');
    await page.getByTestId('cockpit-map').locator('canvas').first().waitFor();

    // Drill from the city into 嵊州市 through the table of its counties, then see its townships.
    await page.getByTestId('children-table').getByRole('cell', { name: '嵊州市' }).getByText('嵊州市').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('unit'), { timeout: 15_000 }).toBe('330683');
    await page.getByTestId('cockpit-path').getByText('嵊州市').waitFor();
    await page.getByTestId('children-table').getByRole('cell', { name: '剡湖街道' }).waitFor();
    // 嵊州市 carries the 001 target of 100% in 2025 and later, so its townships are coloured.
    await expect.poll(async () => page.getByTestId('children-table').locator('[data-testid^="warning-"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  });

  it('a target set "by 2025" holds in 2026, and a township without its own is held to its county’s, saying so', async () => {
    const page = await newPage(browser, server.url);
    await logIn(page, 'city-health');
    // The city's target of 4.6 places per 1,000 residents is set for 2025 only.
    await page.goto(`${server.url}/cockpit?indicator=childcare.placesPer1000&year=2026`);
    await expect.poll(() => page.getByTestId('target-note').textContent(), { timeout: 15_000 }).toBe('（沿用2025年目标）');
    // 塔山街道 has no target of its own: it shows its county's, and says whose.
    await page.goto(`${server.url}/cockpit?indicator=childcare.placesPer1000&year=2026&unit=330602001`);
    await expect.poll(() => page.getByTestId('target-note').textContent(), { timeout: 15_000 }).toBe('（沿用越城区2025年目标）');
    // 2024 lies on the path towards it.
    await page.goto(`${server.url}/cockpit?indicator=childcare.placesPer1000&year=2024&unit=330602001`);
    await expect.poll(() => page.getByTestId('target-note').textContent(), { timeout: 15_000 }).toBe('（迈向越城区2025年目标的年度进度）');
  });
});
