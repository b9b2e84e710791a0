import { afterAll, describe, expect, it } from 'vitest';
import { apiSession, launchBrowser, logIn, newPage, startServer } from './support.ts';
import { composeIdNumber } from '../../src/modules/people/idNumber.ts';
import { shanghaiToday } from '../../src/app/context.ts';
import { addMonths } from '../../src/app/dates.ts';
import { DEMO_PASSWORD } from '../../src/seed/index.ts';

const server = await startServer();
const browser = await launchBrowser();

describe('infant health in the browser', () => {
  it('a doctor records a measurement and the parent sees it on the growth chart', async () => {
    // A child of 14 months in 塔山街道, registered by the township and linked to the demo parent.
    const staff = await apiSession(server.url, 'tashan-staff');
    const birthDate = addMonths(shanghaiToday(), -14);
    const child = await staff.post('/people', { name: '浏览器测童', idNumber: composeIdNumber('330602', birthDate, 303), unitCode: '330602001004' });
    const doctorApi = await apiSession(server.url, 'tashan-doctor');
    await doctorApi.post('/guardianships', { personId: child.id, username: 'tashan-parent', relation: 'mother' });

    const doctor = await newPage(browser, server.url);
    await logIn(doctor, 'tashan-doctor');
    await doctor.getByRole('menuitem', { name: '婴儿健康' }).click();
    await doctor.getByRole('link', { name: '浏览器测童' }).click();
    await doctor.getByTestId('child-name').getByText('浏览器测童').waitFor();
    await doctor.getByTestId('add-measurement').click();
    const drawer = doctor.getByRole('dialog');
    await drawer.getByLabel('体重（千克）').fill('9.6');
    await drawer.getByLabel('身长/身高（厘米）').fill('76.5');
    await drawer.getByLabel('头围（厘米）').fill('45.8');
    await doctor.getByTestId('measurement-submit').click();
    await doctor.getByRole('cell', { name: /76\.5（卧位）/ }).waitFor();
    await expect.poll(() => doctor.getByTestId('growth-chart').getAttribute('data-points'), { timeout: 15_000 }).toBe('1');

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
    await parent.getByTestId('own-child').getByText('浏览器测童').click();
    await parent.getByTestId('child-name').getByText('浏览器测童').waitFor();
    await parent.getByTestId('latest-measurement').getByText(/9\.6/).waitFor();
    await expect.poll(() => parent.getByTestId('growth-chart').getAttribute('data-points'), { timeout: 15_000 }).toBe('1');
    const canvas = await parent.getByTestId('growth-chart').locator('canvas').boundingBox();
    expect(canvas!.width).toBeLessThanOrEqual(390);
    expect(canvas!.height).toBeGreaterThan(200);
    // The parent's app has no staff navigation, and another child's record is not there.
    expect(await parent.getByText('管辖范围').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
