import { useState } from 'react';
import { Alert, App, Button, Form, Input, Radio, Result, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type Paged } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { applyApiError } from '../../components/formErrors.ts';
import { CityUnitPicker } from './CityUnitPicker.tsx';

export const CATEGORIES = ['sexualHarm', 'violence', 'neglect', 'abandonment', 'noCarer', 'minorPregnancy', 'bullying', 'other'] as const;

/** The mandatory report (强制报告) of a signed-in user: a registered child, or the child as the reporter knows them. */
export function ReportForm() {
  const { t } = useTranslation(['protection', 'errors']);
  const { can } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [mode, setMode] = useState<'registered' | 'unregistered'>('unregistered');
  const [people, setPeople] = useState<{ value: string; label: string }[]>([]);
  const [receipt, setReceipt] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const search = async (q: string) => {
    if (!q.trim()) return;
    const res = await api.get<Paged<{ id: string; name: string; birthDate: string; unitName?: string; idMasked: string }>>(`/people?q=${encodeURIComponent(q)}&pageSize=20`);
    setPeople(res.items.map((p) => ({ value: p.id, label: `${p.name}（${p.birthDate}，${p.idMasked}）` })));
  };

  const submit = async (v: Record<string, string | undefined>) => {
    setBusy(true);
    setError(null);
    try {
      const body = mode === 'registered' ? { ...v, unitCode: undefined, childName: undefined } : { ...v, personId: undefined };
      const res = await api.post<{ receiptNo: string }>('/protection/reports', body);
      setReceipt(res.receiptNo);
      message.success(t('report.success'));
    } catch (e) {
      setError(applyApiError(form, e).text);
    } finally {
      setBusy(false);
    }
  };

  if (receipt)
    return (
      <Result
        status="success"
        title={t('report.success')}
        subTitle={
          <>
            <Typography.Paragraph strong style={{ fontSize: 16 }}>
              {t('report.receipt', { receiptNo: receipt })}
            </Typography.Paragraph>
            <Typography.Text type="secondary">{t('report.receiptHint')}</Typography.Text>
          </>
        }
        extra={
          <Button
            onClick={() => {
              form.resetFields();
              setReceipt(null);
            }}
          >
            {t('report.another')}
          </Button>
        }
      />
    );

  return (
    <div style={{ maxWidth: 720 }}>
      <Alert type="warning" showIcon message={t('report.intro')} description={t('report.basis')} style={{ marginBottom: 20 }} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ riskLevel: 'normal' }}>
        {can('people.read') && (
          <Form.Item label={t('field.child')}>
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} optionType="button" options={[{ value: 'unregistered', label: t('report.unregistered') }, { value: 'registered', label: t('report.registered') }]} />
          </Form.Item>
        )}
        {mode === 'registered' ? (
          <Form.Item name="personId" label={t('field.person')} rules={[{ required: true, message: t('errors:field.required') }]}>
            <Select showSearch filterOption={false} onSearch={(q) => void search(q)} options={people} placeholder={t('report.personPlaceholder')} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="unitCode" label={t('field.unit')} rules={[{ required: true, message: t('errors:field.required') }]}>
              <CityUnitPicker placeholder={t('report.unitPlaceholder')} />
            </Form.Item>
            <Form.Item name="childName" label={t('field.childName')}>
              <Input maxLength={50} />
            </Form.Item>
          </>
        )}
        <Form.Item name="childDescription" label={t('field.childDescription')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="category" label={t('field.category')} rules={[{ required: true, message: t('errors:field.required') }]}>
          <Select options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
        </Form.Item>
        <Form.Item name="riskLevel" label={t('field.risk')} extra={t('riskHint')}>
          <Radio.Group options={[{ value: 'normal', label: t('risk.normal') }, { value: 'high', label: t('risk.high') }]} />
        </Form.Item>
        <Form.Item name="situation" label={t('field.situation')} rules={[{ required: true, whitespace: true, message: t('errors:field.required') }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="location" label={t('field.location')}>
          <Input maxLength={200} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('report.submit')}
        </Button>
      </Form>
    </div>
  );
}
