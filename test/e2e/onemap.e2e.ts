import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchBrowser, logIn, newPage, startServer } from './support.ts';

const server = await startServer();
const browser = await launchBrowser();

describe('the one map in the browser', () => {
  it('draws the 15-minute circle of a county, and an administrator replaces a township’s point with a surveyed one', async () => {
    const page = await newPage(browser, server.url);
    await logIn(page, 'yuecheng-admin');
    await page.goto(`${server.url}/one-map?circleKind=childHealthCenter`);
    // The circle map is drawn (a canvas), with the legend of what it shows, and says positions are approximate.
    await page.getByTestId('circle-map').locator('canvas').first().waitFor();
    await expect.poll(() => page.getByText('区县边界为公开的行政区划图').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('kinds-table').getByRole('columnheader', { name: '在用' }).isVisible()).toBe(true);

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kangyu-points-')), 'points.csv');
    fs.writeFileSync(file, '区划代码,经度,纬度\n330602001,120.5801,30.0002\n330683001,120.8,29.6\n');
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('locations-upload').click();
    await (await chooser).setFiles(file);
    await page.getByText('已更新 1 个位置，0 个无变化，1 行有问题').waitFor();
    await page.getByText('没有这个乡镇（街道）或村（社区）代码').waitFor();
  });
});
