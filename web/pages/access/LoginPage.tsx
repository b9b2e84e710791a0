import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth.tsx';
import { ApiError } from '../../api.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { Link } from 'react-router';

export function LoginPage() {
  const { t } = useTranslation(['access', 'common']);
  const { signIn } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(v.username, v.password);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(160deg, #eaf2fd 0%, #f7f9fc 60%)' }}>
      <Card style={{ width: 380 }} variant="borderless">
        <Space direction="vertical" size={4} style={{ width: '100%', marginBottom: 24 }}>
          <Typography.Title level={2} style={{ margin: 0, color: '#1f6fd6' }}>
            {t('common:appName')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('common:appFullName')}</Typography.Text>
        </Space>
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('errors:field.required') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('errors:field.required') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        <div style={{ marginTop: 20, display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('login.demoHint')}
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
