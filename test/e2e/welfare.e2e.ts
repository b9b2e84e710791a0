import { afterAll, describe, expect, it } from 'vitest';
import { apiSession, launchBrowser, logIn, newPage, startServer } from './support.ts';
import { composeIdNumber } from '../../src/modules/people/idNumber.ts';
import { shanghaiToday } from '../../src/app/context.ts';
import { addDays, addMonths } from '../../src/app/dates.ts';

const server = await startServer();
const browser = await launchBrowser();
const SHOTS = process.env.WELFARE_SHOTS;

describe('the child-welfare ledger in the browser', () => {
  it('a director opens a child’s file, records a visit, prints the contact card and sees the overdue list; the county approves the month’s living support naming the amount', async () => {
    const today = shanghaiToday();
    const lastMonth = addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
    const staff = await apiSession(server.url, 'tashan-staff');
    const director = await staff('POST', '/welfare/workers', { unitCode: '330602001004', role: 'director', name: '周晓燕', phone: '13812345678' });
    await staff('POST', '/welfare/workers', { unitCode: '330602001', role: 'supervisor', name: '李建平', phone: '13887654321' });
    const orphan = await staff('POST', '/people', { name: '浏览器孤儿童', idNumber: composeIdNumber('330602', '2016-03-12', 501), unitCode: '330602001004', address: '塔山街道花园社区 3 幢' });
    await staff('POST', '/welfare/children', { personId: orphan.id, category: 'orphan', subclass: 'scattered', basis: '父母双亡，经越城区民政局认定', startDate: addMonths(`${lastMonth}-01`, -3), directorId: director.id, guardianName: '王秀英', guardianRelation: 'grandparent', guardianPhone: '13900112233' });
    const leftBehind = await staff('POST', '/people', { name: '浏览器留守童', idNumber: composeIdNumber('330602', '2013-07-01', 502), unitCode: '330602001008' });
    await staff('POST', '/welfare/children', { personId: leftBehind.id, category: 'leftBehind', basis: '父母双方在外务工', startDate: addDays(today, -200) });

    // The director: the list, the file, a visit.
    const page = await newPage(browser, `${server.url}/welfare/ledger`);
    await logIn(page, 'tashan-director');
    await page.goto(`${server.url}/welfare/ledger`);
    await page.getByRole('cell', { name: '浏览器孤儿童' }).waitFor();
    expect(await page.getByText('孤儿（社会散居）').first().isVisible()).toBe(true);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/welfare-list.png`, fullPage: true });
    await page.getByRole('cell', { name: '浏览器孤儿童' }).click();
    await page.getByText('浏览器孤儿童的独立档案').waitFor();
    await page.getByText('已逾期').waitFor();
    await page.getByTestId('record-visit').click();
    const visit = page.getByRole('dialog');
    await visit.getByLabel('走访情况').fill('祖母照料到位，孩子学习情况良好');
    await visit.getByLabel('需求').fill('需要课业辅导');
    await visit.getByRole('button', { name: '保 存' }).click();
    await page.getByText('走访记录已保存').waitFor();
    await page.getByRole('cell', { name: '祖母照料到位，孩子学习情况良好' }).waitFor();
    await page.getByText(/下次应于 .+ 前走访/).waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/welfare-file.png`, fullPage: true });

    // A bad phone on the contact card: the field says why, nothing changes.
    await page.getByRole('button', { name: '修改联系卡' }).click();
    const card = page.getByRole('dialog');
    await card.getByLabel('监护人电话').fill('12345');
    await card.getByRole('button', { name: '保 存' }).click();
    await card.getByText('请填写 11 位手机号或带区号的固定电话').waitFor();
    await card.getByRole('button', { name: '取 消' }).click();

    // The printable contact card.
    await page.getByRole('button', { name: '打印联系卡' }).click();
    await page.getByText('重点儿童联系卡').waitFor();
    await page.getByText('13900112233').waitFor();
    await page.getByText('周晓燕　13812345678').waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/welfare-card.png`, fullPage: true });

    // The overdue tab: the left-behind child without a visit for 200 days.
    await page.goto(`${server.url}/welfare/ledger?tab=overdue`);
    await page.getByRole('cell', { name: '浏览器留守童' }).waitFor();
    expect(await page.getByRole('cell', { name: '浏览器孤儿童' }).count()).toBe(0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/welfare-overdue.png`, fullPage: true });

    // The county computes last month and approves it after a confirmation naming the amount.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    afterAll(() => context.close());
    const county = await context.newPage();
    await county.goto(`${server.url}/welfare/ledger?tab=support&month=${lastMonth}`);
    await logIn(county, 'yuecheng-health');
    await county.goto(`${server.url}/welfare/ledger?tab=support&month=${lastMonth}`);
    await county.getByTestId('compute-support').click();
    await county.getByText(/已核算 .+：1 名儿童，合计 2,120\.00 元/).waitFor();
    await county.getByRole('cell', { name: '越城区' }).click();
    await county.getByRole('cell', { name: '孤儿（社会散居）' }).waitFor();
    await county.getByTestId('approve-support').click();
    await county.getByText(`确认审核通过越城区 ${lastMonth} 的基本生活保障：1 名儿童，合计 2,120.00 元？审核后不可再重算。`).waitFor();
    if (SHOTS) await county.screenshot({ path: `${SHOTS}/welfare-support.png`, fullPage: true });
    await county.getByRole('button', { name: '确 定' }).click();
    await county.getByText('已审核通过，合计 2,120.00 元').waitFor();

    // English.
    await page.goto(`${server.url}/welfare/ledger`);
    await page.getByText('English', { exact: true }).click();
    await page.getByText('Child welfare ledger').first().waitFor();
    await page.getByText('Orphan (in the community)').first().waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/welfare-en.png`, fullPage: true });
  }, 300_000);
});
