import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Input, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { rules, useFormErrors } from '../../components/formErrors.ts';
import { isValidPhone } from '../../../src/app/schemas.ts';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import type { PersonView as Person } from '../../../src/modules/people/contract.ts';

/**
 * Fills sex and birth date from an 18-character ID number as the user types it (GB 11643
 * layout); a number whose date cannot exist fills nothing and says so under the field.
 */
function readIdNumber(value: string): { sex?: 'male' | 'female'; birthDate?: string; badDate?: boolean } {
  const v = value.trim();
  if (!/^\d{17}[\dXx]$/.test(v)) return {};
  const birthDate = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
  const d = new Date(`${birthDate}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== birthDate) return { badDate: true };
  return { sex: Number(v[16]) % 2 === 1 ? 'male' : 'female', birthDate };
}

export function RegisterPersonDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (p: Person) => void }) {
  const { t } = useTranslation(['people', 'common']);
  const [form] = Form.useForm();
  const { error, setError, onError, onValuesChange } = useFormErrors(form);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const submit = async (values: Record<string, string>) => {
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<Person>('/people', values);
      void message.success(t('created', { name: created.name }));
      void queryClient.invalidateQueries({ queryKey: ['people'] });
      form.resetFields();
      onCreated(created);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('register')}
      size="large"
      extra={
        <Space>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="register-submit">
            {t('common:actions.submit')}
          </Button>
        </Space>
      }
    >
      <Form
        name="register-person"
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed: Partial<Record<string, string>>) => {
          onValuesChange();
          if (changed.idNumber === undefined) return;
          const { badDate, ...read } = readIdNumber(changed.idNumber);
          if (badDate) form.setFields([{ name: 'idNumber', errors: [t('errors:field.idNumber.birthDateInvalid')] }]);
          else form.setFieldsValue(read);
        }}
      >
        <Form.Item name="name" label={t('field.name')} rules={[rules.required()]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="idNumber" label={t('field.idNumber')} rules={[rules.required()]}>
          <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="sex" label={t('field.sex')}>
          <Radio.Group>
            <Radio value="male">{t('common:sex.male')}</Radio>
            <Radio value="female">{t('common:sex.female')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="birthDate" label={t('field.birthDate')}>
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="unitCode" label={t('field.unit')} rules={[rules.choose()]}>
          <UnitPicker minLevel={3} />
        </Form.Item>
        <Form.Item name="phone" label={t('field.phone')} rules={[rules.check((v) => (isValidPhone(v) ? null : 'phone'))]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="address" label={t('field.address')}>
          <Input maxLength={120} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Drawer>
  );
}
