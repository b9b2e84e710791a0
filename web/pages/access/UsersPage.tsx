import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError, qs, type Paged } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { errorText, rules, useFormErrors } from '../../components/formErrors.ts';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import { ROLE_NAMES } from '../../../src/modules/access/roles.ts';
import type { UserView } from '../../../src/modules/access/contract.ts';

type User = UserView;

export function UsersPage() {
  const { t } = useTranslation(['access', 'common']);
  const { user: me } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [state, update] = useUrlState({ q: undefined, role: undefined, page: '1' } as Record<string, string | undefined>);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const { error, setError, onError, onValuesChange } = useFormErrors(form);
  const users = useQuery({ queryKey: ['users', state], queryFn: () => api.get<Paged<User>>(`/users${qs({ ...state, pageSize: 20 })}`) });
  const roleOptions = ROLE_NAMES.map((r) => ({ value: r, label: t(`common:role.${r}`) }));

  const create = async (values: Record<string, string>) => {
    setError(null);
    try {
      const u = await api.post<User>('/users', values);
      void message.success(t('users.created', { name: u.displayName }));
      setCreating(false);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    } catch (e) {
      onError(e);
    }
  };

  const deactivate = async (u: User) => {
    try {
      await api.post(`/users/${u.id}/deactivate`);
      void message.success(t('users.deactivated'));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const reactivate = async (u: User) => {
    try {
      await api.post(`/users/${u.id}/reactivate`);
      void message.success(t('users.reactivated', { name: u.displayName }));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const [editing, setEditing] = useState<{ user: User; kind: 'edit' | 'password' } | null>(null);

  return (
    <Card
      title={t('users.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('users.create')}
        </Button>
      }
    >
      <Form name="user-filters" layout="inline" style={{ marginBottom: 16 }} key={JSON.stringify(state)} initialValues={state} onFinish={(v) => update({ ...v, page: '1' })}>
        <Form.Item name="q" label={t('users.field.username')}>
          <Input allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="role" label={t('users.field.role')}>
          <Select allowClear style={{ width: 200 }} options={roleOptions} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common:actions.search')}
        </Button>
      </Form>
      <Table<User>
        rowKey="id"
        size="middle"
        loading={users.isLoading}
        dataSource={users.data?.items ?? []}
        pagination={{ current: Number(state.page), total: users.data?.total ?? 0, pageSize: 20, onChange: (p) => update({ page: String(p) }) }}
        columns={[
          { title: t('users.field.username'), dataIndex: 'username', key: 'username' },
          { title: t('users.field.displayName'), dataIndex: 'displayName', key: 'name' },
          { title: t('users.field.role'), dataIndex: 'role', key: 'role', render: (r: string) => t(`common:role.${r}`) },
          { title: t('users.field.unit'), dataIndex: 'unitName', key: 'unit' },
          {
            title: t('users.field.status'),
            dataIndex: 'active',
            key: 'active',
            render: (a: boolean) => (a ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.deactivated')}</Tag>),
          },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, u) => (
              <Space size={12}>
                <a onClick={() => setEditing({ user: u, kind: 'edit' })}>{t('common:actions.edit')}</a>
                <a onClick={() => setEditing({ user: u, kind: 'password' })}>{t('users.resetPassword')}</a>
                {u.active && u.id !== me?.id && (
                  <Popconfirm title={t('users.deactivateConfirm', { name: u.displayName })} onConfirm={() => void deactivate(u)}>
                    <a>{t('users.deactivate')}</a>
                  </Popconfirm>
                )}
                {!u.active && (
                  <Popconfirm title={t('users.reactivateConfirm', { name: u.displayName })} onConfirm={() => void reactivate(u)}>
                    <a>{t('users.reactivate')}</a>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <EditUserModal target={editing} onClose={() => setEditing(null)} roleOptions={roleOptions} />
      <Modal open={creating} title={t('users.create')} onCancel={() => setCreating(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form name="create-user" form={form} onValuesChange={onValuesChange} layout="vertical" onFinish={create} preserve={false}>
          <Form.Item name="username" label={t('users.field.username')} rules={[rules.required()]} extra={t('users.usernameHint')}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('users.field.displayName')} rules={[rules.required()]}>
            <Input />
          </Form.Item>
          <Form.Item name="password" label={t('users.field.password')} rules={[rules.required()]} extra={t('users.passwordHint')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="role" label={t('users.field.role')} rules={[rules.choose()]}>
            <Select options={roleOptions} />
          </Form.Item>
          <Form.Item name="unitCode" label={t('users.field.unit')} rules={[rules.choose()]}>
            <UnitPicker />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} />}
        </Form>
      </Modal>
    </Card>
  );
}

/** Changes a user's name, role and scope, or sets a new password; each ends with a message naming the user. */
function EditUserModal({ target, onClose, roleOptions }: { target: { user: User; kind: 'edit' | 'password' } | null; onClose: () => void; roleOptions: { value: string; label: string }[] }) {
  const { t } = useTranslation(['access', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const { error, setError, onError, onValuesChange } = useFormErrors(form);
  const u = target?.user;
  const submit = async (v: Record<string, string>) => {
    if (!target || !u) return;
    setError(null);
    try {
      if (target.kind === 'edit') await api.patch<User>(`/users/${u.id}`, { displayName: v.displayName, role: v.role, unitCode: v.unitCode });
      else await api.post<User>(`/users/${u.id}/password`, { password: v.password });
      void message.success(t(target.kind === 'edit' ? 'users.saved' : 'users.passwordReset', { name: u.displayName }));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      onClose();
    } catch (e) {
      onError(e);
    }
  };
  return (
    <Modal open={!!target} title={target ? `${t(target.kind === 'edit' ? 'common:actions.edit' : 'users.resetPassword')} · ${u?.displayName}` : ''} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form name="edit-user" form={form} onValuesChange={onValuesChange} layout="vertical" onFinish={submit} preserve={false} initialValues={u ? { displayName: u.displayName, role: u.role, unitCode: u.unitCode } : {}}>
        {target?.kind === 'edit' ? (
          <>
            <Form.Item name="displayName" label={t('users.field.displayName')} rules={[rules.required()]}>
              <Input />
            </Form.Item>
            <Form.Item name="role" label={t('users.field.role')} rules={[rules.choose()]} extra={t('users.roleChangeHint')}>
              <Select options={roleOptions} />
            </Form.Item>
            <Form.Item name="unitCode" label={t('users.field.unit')} rules={[rules.choose()]}>
              <UnitPicker />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="password" label={t('users.newPassword')} extra={t('users.passwordResetHint')} rules={[rules.required()]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}
