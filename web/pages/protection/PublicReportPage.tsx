import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Result, Select, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { applyApiError } from '../../components/formErrors.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { CityUnitPicker } from './CityUnitPicker.tsx';
import { CATEGORIES } from './ReportForm.tsx';


/** The report anyone may make without an account: what happened, where, the child if known; a receipt number back, nothing else. */
export function PublicReportPage() {
  const { t } = useTranslation(['protection', 'errors', 'common']);
  const [form] = Form.useForm();
  const [receipt, setReceipt] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Record<string, string | undefined>) => {
    setBusy(true);
    setError(null);
    try {
      setReceipt((await api.post<{ receiptNo: string }>('/protection/public/reports', v)).receiptNo);
    } catch (e) {
      setError(applyApiError(form, e).text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', justifyContent: 'center', padding: '40px 16px', background: 'linear-gradient(160deg, #eaf2fd 0%, #f7f9fc 60%)' }}>
      <Card style={{ width: 640, alignSelf: 'flex-start' }} variant="borderless">
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('public.title')}
          </Typography.Title>
          <LanguageSwitch signedIn={false} />
        </Space>
        {receipt ? (
          <Result
            status="success"
            title={t('public.success')}
            subTitle={
              <>
                <Typography.Paragraph strong style={{ fontSize: 16 }}>
                  {t('report.receipt', { receiptNo: receipt })}
                </Typography.Paragraph>
                <Typography.Text type="secondary">{t('report.receiptHint')}</Typography.Text>
              </>
            }
            extra={<Link to="/">{t('public.backToLogin')}</Link>}
          />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('public.intro')}</Typography.Paragraph>
            <Alert type="error" showIcon message={t('public.emergency')} style={{ marginBottom: 20 }} />
            <Form form={form} layout="vertical" onFinish={submit} initialValues={{ category: 'other' }}>
              <Form.Item name="situation" label={t('field.situation')} rules={[{ required: true, whitespace: true, message: t('errors:field.required') }]}>
                <Input.TextArea rows={4} maxLength={2000} showCount />
              </Form.Item>
              <Form.Item name="unitCode" label={t('field.unit')} rules={[{ required: true, message: t('errors:field.required') }]}>
                <CityUnitPicker placeholder={`${t('public.county')} / ${t('public.township')}`} />
              </Form.Item>
              <Form.Item name="location" label={t('field.location')}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="category" label={t('field.category')}>
                <Select options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
              </Form.Item>
              <Form.Item name="childName" label={t('field.childName')}>
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item name="childDescription" label={t('field.childDescription')}>
                <Input maxLength={500} />
              </Form.Item>
              <Form.Item name="reporterContact" label={t('field.reporterContact')} extra={t('public.contactHint')}>
                <Input maxLength={100} />
              </Form.Item>
              {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
              <Space>
                <Button type="primary" htmlType="submit" loading={busy}>
                  {t('public.submit')}
                </Button>
                <Link to="/">{t('public.backToLogin')}</Link>
              </Space>
            </Form>
          </>
        )}
      </Card>
    </div>
  );
}
