import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth.tsx';
import { api } from '../../api.ts';
import { errorText, rules } from '../../components/formErrors.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { Link } from 'react-router';

export function LoginPage() {
  const { t } = useTranslation(['access', 'common']);
  const { signIn } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The demo accounts and their password are shown only where the platform runs as a demo.
  const config = useQuery({ queryKey: ['auth-config'], queryFn: () => api.get<{ mode: 'demo' | 'production' }>('/auth/config'), staleTime: Infinity });
  const demo = config.data?.mode === 'demo';

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(v.username, v.password);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', gap: 16, padding: 16, background: 'linear-gradient(160deg, #eaf2fd 0%, #f7f9fc 60%)' }}>
      {demo && <Alert type="warning" showIcon banner message={t('login.demoBanner')} style={{ width: '100%', maxWidth: 380 }} data-testid="demo-banner" />}
      <Card style={{ width: '100%', maxWidth: 380 }} variant="borderless">
        <Space direction="vertical" size={4} style={{ width: '100%', marginBottom: 24 }}>
          <Typography.Title level={2} style={{ margin: 0, color: '#1f6fd6' }}>
            {t('common:appName')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('common:appFullName')}</Typography.Text>
        </Space>
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t('login.username')} rules={[rules.required()]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[rules.required()]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        <div style={{ marginTop: 20, display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {demo ? t('login.demoHint') : ''}
          </Typography.Text>
          <LanguageSwitch signedIn={false} />
        </div>
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          <Link to="/report">{t('protection:public.entry')}</Link>
        </div>
      </Card>
    </div>
  );
}
