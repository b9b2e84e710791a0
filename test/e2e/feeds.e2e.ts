import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchBrowser, logIn, newPage, startServer } from './support.ts';
import { composeIdNumber } from '../../src/modules/people/idNumber.ts';
import { shanghaiToday } from '../../src/app/context.ts';
import { addDays } from '../../src/app/dates.ts';

const server = await startServer();
const browser = await launchBrowser();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kangyu-feeds-e2e-'));

describe('department feeds and children’s insurance in the browser', () => {
  it('a 卫健 data officer uploads births, sees the bad row, and uploading again changes nothing', async () => {
    const today = shanghaiToday();
    const born = addDays(today, -20);
    const file = path.join(dir, '出生医学证明.csv');
    fs.writeFileSync(
      file,
      '\uFEFF' +
        [
          '身份证号,姓名,村社区代码,出生医学证明编号,出生日期',
          `${composeIdNumber('330602', born, 501)},浏览器新生儿,330602001004,Q260050100,${born}`,
          `${composeIdNumber('330602', born, 503).slice(0, 17)}0,校验位错,330602001004,Q260050101,${born}`,
        ].join('\r\n') +
        '\r\n',
    );
    const page = await newPage(browser, server.url);
    await logIn(page, 'city-data-health');
    await page.getByRole('menuitem', { name: '部门数据共享' }).click();
    await page.getByText('本类数据可新登记人员').waitFor();
    await page.locator('input[type=file]').setInputFiles(file);
    const result = page.getByTestId('feed-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('共 2 行：新增 1 条，更新 0 条，未变化 0 条，有误 1 行');
    await expect(page.getByRole('button', { name: '下载错误清单' }).isVisible()).resolves.toBe(true);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText('新增 0 条，更新 0 条，未变化 1 条').waitFor();
    await page.getByRole('tab', { name: '报送记录' }).click();
    await page.getByRole('cell', { name: '出生医学证明.csv' }).first().waitFor();
  });

  it('a township officer sees the newborn unenrolled, records a follow-up, and reads the enrolment rates', async () => {
    const page = await newPage(browser, server.url);
    await logIn(page, 'tashan-staff');
    await page.getByRole('menuitem', { name: '少儿医保参保' }).click();
    await page.getByTestId('insurance-rates').getByText('参保率').first().waitFor();
    await page.getByRole('tab', { name: '新生儿参保' }).click();
    const row = page.getByRole('row', { name: /浏览器新生儿/ });
    await row.waitFor();
    await row.getByRole('button', { name: '登记跟进' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('登记“浏览器新生儿”的跟进情况').waitFor();
    await dialog.locator('.ant-select').click();
    await page.getByTitle('已联系').click();
    await dialog.locator('textarea').fill('已电话告知家长凭出生医学证明办理参保');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('跟进情况已保存').waitFor();
    await row.getByText('已联系').waitFor();
  });
});
