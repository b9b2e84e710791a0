import { describe, expect, it } from 'vitest';
import { testApp } from '../../../test/support/platform.ts';
import { signIn } from '../../../test/support/http.ts';
import { LOGIN_ATTEMPTS } from './routes.ts';

const { app } = await testApp();

describe('login and sessions', () => {
  it('signs in with the demo password and sets an httpOnly, SameSite=Strict session cookie', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'city-admin', password: 'kangyu-demo' } });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^kangyu_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const body = res.json();
    expect(body.user).toMatchObject({ username: 'city-admin', role: 'admin', unitCode: '3306', unitName: '绍兴市' });
    expect(body.permissions).toContain('users.manage');
    expect(body.csrfToken).toEqual(expect.any(String));
  });

  it('refuses a wrong password with the same message as an unknown user, in the caller’s language', async () => {
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tashan-staff', password: 'nope' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody-here', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe('用户名或密码错误，或账号已停用。');
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
    const en = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { username: 'tashan-staff', password: 'nope' },
    });
    expect(en.json().error.message).toBe('Wrong username or password, or the account is deactivated.');
  });

  it('gives field-level errors for a malformed login', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual(
      expect.arrayContaining([
        { field: 'username', code: 'required', message: '此项必填' },
        { field: 'password', code: 'required', message: '此项必填' },
      ]),
    );
  });

  it('rate-limits repeated attempts for one username', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= LOGIN_ATTEMPTS; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'shengzhou-health', password: `guess-${i}` } });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, LOGIN_ATTEMPTS).every((s) => s === 401)).toBe(true);
    const blocked = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'shengzhou-health', password: 'kangyu-demo' } });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('rate_limited');
  });

  it('requires the CSRF token on state-changing requests', async () => {
    const s = await signIn(app, 'city-admin');
    const without = await app.inject({
      method: 'PUT',
      url: '/api/auth/me/locale',
      headers: { cookie: s.cookie },
      payload: { locale: 'en-US' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf');
    const withToken = await s.put('/api/auth/me/locale', { locale: 'en-US' });
    expect(withToken.statusCode).toBe(200);
    const me = await s.get('/api/auth/me');
    expect(me.json().user.locale).toBe('en-US');
  });

  it('ends the session on logout', async () => {
    const s = await signIn(app, 'yuecheng-health');
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    expect((await s.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('answers 401 without a session', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/people' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });
});

describe('user administration', () => {
  it('lets the city admin create a user with a role and scope, who can then sign in', async () => {
    const admin = await signIn(app, 'city-admin');
    const res = await admin.post('/api/users', {
      username: 'Keqiao-Health',
      displayName: '柯桥区卫健局 测试',
      password: 'a-long-password',
      role: 'county_official',
      unitCode: '330603',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'keqiao-health', role: 'county_official', unitCode: '330603', unitName: '柯桥区', active: true });
    const s = await signIn(app, 'keqiao-health', 'a-long-password');
    expect((await s.get('/api/auth/me')).json().user.unitCode).toBe('330603');
  });

  it('gives field errors for a bad user, and a taken username', async () => {
    const admin = await signIn(app, 'city-admin');
    const bad = await admin.post('/api/users', { username: 'x', displayName: '', password: 'short', role: 'mayor', unitCode: '33' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(
      ['displayName', 'password', 'role', 'unitCode', 'username'].sort(),
    );
    const taken = await admin.post('/api/users', {
      username: 'tashan-staff',
      displayName: '重复',
      password: 'a-long-password',
      role: 'township_staff',
      unitCode: '330602001',
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.fields[0]).toMatchObject({ field: 'username', code: 'usernameTaken' });
  });

  it('checks that the unit’s level suits the role', async () => {
    const admin = await signIn(app, 'city-admin');
    const res = await admin.post('/api/users', {
      username: 'wrong-level',
      displayName: '层级不符',
      password: 'a-long-password',
      role: 'county_official',
      unitCode: '330602001',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'unitCode', code: 'unitLevelForRole' });
  });

  it('keeps a county admin inside the county', async () => {
    const admin = await signIn(app, 'yuecheng-admin');
    const res = await admin.post('/api/users', {
      username: 'sneaky',
      displayName: '越权',
      password: 'a-long-password',
      role: 'county_official',
      unitCode: '330683',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'unitCode', code: 'unitOutOfScope' });
    const list = (await admin.get('/api/users?pageSize=200')).json();
    expect(list.items.every((u: { unitCode: string }) => u.unitCode.startsWith('330602'))).toBe(true);
    expect(list.items.map((u: { username: string }) => u.username)).toContain('tashan-staff');
  });

  it('deactivates a user: their session ends and they cannot sign in', async () => {
    const admin = await signIn(app, 'city-admin');
    await admin.post('/api/users', { username: 'temp-user', displayName: '临时', password: 'a-long-password', role: 'health_doctor', unitCode: '330602002' });
    const temp = await signIn(app, 'temp-user', 'a-long-password');
    const list = (await admin.get('/api/users?q=temp-user')).json();
    const res = await admin.post(`/api/users/${list.items[0].id}/deactivate`);
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect((await temp.get('/api/auth/me')).statusCode).toBe(401);
    const again = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'temp-user', password: 'a-long-password' } });
    expect(again.statusCode).toBe(401);
  });

  it('edits a user, resets the password and reactivates a deactivated one; another county’s user is absent', async () => {
    const admin = await signIn(app, 'yuecheng-admin');
    const created = (await admin.post('/api/users', { username: 'edit-user', displayName: '待改名', password: 'a-long-password', role: 'health_doctor', unitCode: '330602001' })).json();
    const edited = await admin.patch(`/api/users/${created.id}`, { displayName: '已改名', unitCode: '330602002' });
    expect(edited.json()).toMatchObject({ displayName: '已改名', unitCode: '330602002' });
    const bad = await admin.patch(`/api/users/${created.id}`, { role: 'county_official' });
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'unitCode', code: 'unitLevelForRole' });
    expect((await admin.post(`/api/users/${created.id}/password`, { password: 'a-newer-password' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'edit-user', password: 'a-long-password' } })).statusCode).toBe(401);
    await signIn(app, 'edit-user', 'a-newer-password');
    await admin.post(`/api/users/${created.id}/deactivate`);
    const back = await admin.post(`/api/users/${created.id}/reactivate`);
    expect(back.json().active).toBe(true);
    expect((await admin.post(`/api/users/${created.id}/reactivate`)).json().error.fields[0].code).toBe('alreadyActive');
    const shengzhou = await signIn(app, 'shengzhou-admin');
    expect((await shengzhou.patch(`/api/users/${created.id}`, { displayName: 'x' })).statusCode).toBe(404);
    expect((await shengzhou.post(`/api/users/${created.id}/password`, { password: 'a-long-password' })).statusCode).toBe(404);
    expect((await shengzhou.post(`/api/users/${created.id}/reactivate`)).statusCode).toBe(404);
  });

  it('does not let a non-admin manage users', async () => {
    const s = await signIn(app, 'yuecheng-health');
    expect((await s.get('/api/users')).statusCode).toBe(403);
  });
});
