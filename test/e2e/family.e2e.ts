import { afterAll, describe, expect, it } from 'vitest';
import { apiSession, launchBrowser, logIn, newPage, startServer } from './support.ts';
import { composeIdNumber } from '../../src/modules/people/idNumber.ts';
import { shanghaiToday } from '../../src/app/context.ts';
import { addDays, addMonths } from '../../src/app/dates.ts';
import { DEMO_PASSWORD } from '../../src/seed/index.ts';
import { centerBody } from '../support/childcare.ts';

const server = await startServer();
const browser = await launchBrowser();

describe('admission and the child’s day in the browser', () => {
  it('a parent applies, the round runs, the parent accepts, staff check the child in and report, the parent reads the day, books and cancels an activity and files a complaint', async () => {
    const today = shanghaiToday();
    // A center of the demo operator with a toddler class; a child of 14 months linked to the demo parent.
    const operator = await apiSession(server.url, 'tashan-center');
    const center = await operator('POST', '/childcare/centers', centerBody({ name: '浏览器测试托育园' }));
    const classes = (await operator<{ classes: { id: string; classType: string }[] }>('GET', `/childcare/centers/${center.id}`)).classes;
    const staff = await apiSession(server.url, 'tashan-staff');
    const child = await staff('POST', '/people', { name: '浏览器入托童', idNumber: composeIdNumber('330602', addMonths(today, -14), 404), unitCode: '330602001004' });
    await staff('POST', '/guardianships', { personId: child.id, username: 'tashan-parent', relation: 'mother' });
    // The county opens a round; the center sets its toddler places.
    const county = await apiSession(server.url, 'yuecheng-health');
    const round = await county('POST', '/admission/rounds', { unitCode: '330602', name: '浏览器测试批次', applyFrom: addDays(today, -1), applyTo: addDays(today, 10), earliestStart: today });
    await operator('PUT', `/admission/rounds/${round.id}/programs`, { centerId: center.id, classId: classes.find((c) => c.classType === 'toddler')!.id, places: 2, rules: [{ id: 'near', kind: 'distance' }] });
    await county('POST', `/admission/rounds/${round.id}/open`, {});

    // The parent applies in the phone app.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    afterAll(() => context.close());
    const parent = await context.newPage();
    const errors: string[] = [];
    parent.on('pageerror', (e) => errors.push(e.message));
    await parent.goto(server.url);
    await parent.getByLabel('用户名').fill('tashan-parent');
    await parent.getByLabel('密码').fill(DEMO_PASSWORD);
    await parent.getByRole('button', { name: '登 录' }).click();
    await parent.getByText('我的孩子').waitFor();
    await parent.getByTestId('parent-nav').getByText('入托').click();
    await parent.getByTestId('apply-open').click();
    await parent.getByTestId('apply-child').click();
    await parent.getByTitle('浏览器入托童').click();
    await parent.getByTestId('apply-class-type').click();
    await parent.getByTitle('托小班（12–24月）').click();
    await parent.getByTestId('apply-choices').click();
    await parent.getByTitle(/浏览器测试托育园/).click();
    await parent.keyboard.press('Escape');
    await parent.getByTestId('apply-submit').click();
    await parent.getByTestId('my-application').filter({ hasText: '浏览器入托童' }).getByText('已提交').waitFor();

    // The county runs the round.
    const official = await newPage(browser, server.url);
    await logIn(official, 'yuecheng-health');
    await official.getByRole('menuitem', { name: '入托服务' }).click();
    await official.getByRole('row', { name: /浏览器测试批次/ }).getByTestId('allocate').click();
    await official.getByRole('button', { name: /确\s*定/ }).click();
    await official.getByRole('row', { name: /浏览器测试批次/ }).getByText('已分配').waitFor();

    // The parent sees the offer with its explanation and accepts it.
    await parent.reload();
    const card = parent.getByTestId('my-application').filter({ hasText: '浏览器入托童' });
    await card.getByText(/第1志愿 浏览器测试托育园：录取/).waitFor();
    await card.getByTestId('accept-offer').click();
    await card.getByText('已入托').waitFor();

    // Staff check the child in and write the day's report.
    const carer = await newPage(browser, server.url);
    await logIn(carer, 'tashan-center');
    await carer.getByRole('menuitem', { name: '家园互动' }).click();
    // The operator runs this one center: it is the one shown.
    await carer.getByTestId('family-center').getByText('浏览器测试托育园').waitFor();
    await carer.getByTestId('check-in-浏览器入托童').click();
    await carer.getByTestId('dropped-off-by').fill('妈妈');
    await carer.locator('.attendance-ok').click();
    await carer.getByRole('row', { name: /浏览器入托童/ }).getByText('在园').waitFor();
    await carer.getByTestId('report-浏览器入托童').click();
    await carer.getByTestId('report-activities').fill('浏览器测试：搭积木和户外散步');
    await carer.getByTestId('report-submit').click();
    await carer.getByRole('row', { name: /浏览器入托童/ }).getByText('已写').waitFor();

    // The day's report appears in the parent's app.
    await parent.getByTestId('parent-nav').getByText('在园').click();
    const choose = parent.getByTestId('day-child');
    if (await choose.count()) {
      await choose.click();
      await parent.getByTitle('浏览器入托童').click();
    }
    await parent.getByTestId('day-report').getByText('浏览器测试：搭积木和户外散步').waitFor();
    await parent.getByTestId('day-attendance').getByText(/入园（妈妈送）/).waitFor();

    // Staff offer a parenting activity; the parent books it, then cancels and the place is free.
    const startsAt = new Date(Date.now() + 14 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 11) + '09:30';
    await carer.getByRole('tab', { name: '育儿活动' }).click();
    await carer.getByLabel('活动名称').fill('浏览器测试育儿讲座');
    await carer.getByRole('textbox', { name: /开始时间/ }).fill(startsAt);
    await carer.getByRole('button', { name: '发布活动' }).click();
    await carer.getByRole('row', { name: /浏览器测试育儿讲座/ }).waitFor();
    await parent.reload();
    const activity = parent.getByRole('listitem').filter({ hasText: '浏览器测试育儿讲座' });
    await activity.getByRole('button', { name: /预\s*约/ }).click();
    await activity.getByText('已预约 1/20').waitFor();
    await activity.getByRole('button', { name: '取消预约' }).click();
    await parent.getByRole('button', { name: /确\s*定|OK/ }).click();
    await activity.getByText('已预约 0/20').waitFor();
    await activity.getByRole('button', { name: /预\s*约/ }).waitFor();

    // The parent complains about the center: a missing category is named, then the complaint is received.
    await parent.getByTestId('parent-nav').getByText('消息').click();
    const chooseAgain = parent.getByTestId('day-child');
    if (await chooseAgain.count()) {
      await chooseAgain.click();
      await parent.getByTitle('浏览器入托童').click();
    }
    const complaints = parent.getByTestId('complaints');
    await complaints.getByText(/对浏览器测试托育园的投诉/).waitFor();
    await complaints.getByTestId('complaint-content').fill('午餐米饭偏硬，孩子吃得很少');
    await complaints.getByTestId('complaint-submit').click();
    await complaints.getByText('请选择投诉类别').waitFor();
    await complaints.getByTestId('complaint-category').click();
    await parent.getByTitle('膳食').click();
    await complaints.getByTestId('complaint-submit').click();
    await complaints.getByRole('listitem').filter({ hasText: '午餐米饭偏硬' }).getByText('已收到').waitFor();
    expect(errors).toEqual([]);
  });
});
