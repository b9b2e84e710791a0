import { useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Space, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { useFormErrors } from '../../components/formErrors.ts';

/**
 * A drawer with one form that posts to the API: field errors from the server appear under
 * their fields, anything else above the buttons; on success the child's record reloads.
 */
export function RecordDrawer<T extends object>({
  open,
  title,
  url,
  onClose,
  fields,
  children,
  initialValues,
  transform,
  form: given,
  testId,
  method = 'post',
  invalidate,
}: {
  open: boolean;
  title: string;
  url: string;
  onClose: () => void;
  fields: string[];
  children: ReactNode;
  initialValues?: Partial<T>;
  transform?: (values: T) => unknown;
  form?: FormInstance<T>;
  testId?: string;
  method?: 'post' | 'patch' | 'put';
  invalidate?: unknown[][];
}) {
  const { t } = useTranslation(['health', 'common']);
  const [own] = Form.useForm<T>();
  const form = given ?? own;
  const { error, setError, onError, onValuesChange } = useFormErrors(form);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const submit = async (values: T) => {
    setBusy(true);
    setError(null);
    try {
      await api[method](url, transform ? transform(values) : values);
      void message.success(t('saved'));
      for (const key of invalidate ?? [['health-child'], ['health-children']]) void queryClient.invalidateQueries({ queryKey: key });
      form.resetFields();
      onClose();
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
      title={title}
      size="large"
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid={testId}>
            {t('common:actions.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} onValuesChange={onValuesChange} layout="vertical" onFinish={submit} initialValues={initialValues} preserve={false}>
        {children}
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Drawer>
  );
}
