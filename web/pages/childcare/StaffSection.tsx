import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useFeedback } from '../../components/feedback.tsx';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { useFormErrors, rules } from '../../components/formErrors.ts';
import type { CenterDetail, StaffView } from '../../../src/modules/childcare/contract.ts';

const ROLES = ['director', 'caregiver', 'teacher', 'healthWorker', 'cook', 'security'];
const CERTS = ['caregiver', 'teacher', 'health', 'nurse', 'chef', 'firstAid', 'training', 'other'];
const CHECKS = ['pending', 'passed', 'failed'];
const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined);

/** Staff of a center with certificates; the operator adds staff and certificates. */
export function StaffSection({ center }: { center: CenterDetail }) {
  const { t } = useTranslation(['childcare', 'common']);
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const staff = useQuery({ queryKey: ['childcare-staff', center.id], queryFn: () => api.get<StaffView[]>(`/childcare/centers/${center.id}/staff`) });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<StaffView | null>(null);
  const [editForm] = Form.useForm();
  const editErrors = useFormErrors(editForm);
  const feedback = useFeedback();
  const today = dayjs().format('YYYY-MM-DD');
  const soon = dayjs().add(30, 'day').format('YYYY-MM-DD');
  const saveEdit = async () => {
    const v = await editForm.validateFields();
    editErrors.setError(null);
    try {
      await api.patch(`/childcare/staff/${editing!.id}`, { classId: v.classId ?? null, backgroundCheck: v.backgroundCheck, backgroundCheckedOn: day(v.backgroundCheckedOn), trainingHours: v.trainingHours, phone: v.phone || undefined });
      feedback.done(t('staff.savedOne', { name: editing!.name }));
      setEditing(null);
      await refresh();
    } catch (e) {
      editErrors.onError(e);
    }
  };
  // Leaving cannot be undone: the confirmation names the person and the day.
  const leave = async (s: StaffView) => {
    if (!(await feedback.confirm({ title: t('staff.leaveConfirm', { name: s.name, on: today }), okText: t('staff.leave'), danger: true }))) return;
    try {
      await api.patch(`/childcare/staff/${s.id}`, { leftOn: today });
      feedback.done(t('staff.left', { name: s.name }));
      await refresh();
    } catch (e) {
      feedback.failed(e);
    }
  };
  const [certFor, setCertFor] = useState<string | null>(null);
  const [staffForm] = Form.useForm();
  const staffFormErrors = useFormErrors(staffForm, { toast: true });
  const [certForm] = Form.useForm();
  const certFormErrors = useFormErrors(certForm, { toast: true });
  const operate = can('childcare.operate') && !can('childcare.file');
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['childcare-staff', center.id] }), queryClient.invalidateQueries({ queryKey: ['childcare-center', center.id] })]);

  const addStaff = async () => {
    const v = await staffForm.validateFields();
    try {
      await api.post(`/childcare/centers/${center.id}/staff`, { ...v, hiredOn: day(v.hiredOn), backgroundCheckedOn: day(v.backgroundCheckedOn) });
      setAdding(false);
      staffForm.resetFields();
      await refresh();
    } catch (e) {
      staffFormErrors.onError(e);
    }
  };
  const addCert = async () => {
    const v = await certForm.validateFields();
    try {
      await api.post(`/childcare/staff/${certFor}/certificates`, { ...v, validFrom: day(v.validFrom), validTo: day(v.validTo) });
      setCertFor(null);
      certForm.resetFields();
      await refresh();
    } catch (e) {
      certFormErrors.onError(e);
    }
  };

  return (
    <>
      {operate && (
        <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setAdding(true)}>
          {t('staff.add')}
        </Button>
      )}
      <Table<StaffView>
        rowKey="id"
        size="small"
        loading={staff.isLoading}
        dataSource={staff.data ?? []}
        pagination={false}
        columns={[
          { title: t('staff.name'), dataIndex: 'name' },
          { title: t('staff.role'), dataIndex: 'role', render: (r: string) => t(`staffRole.${r}`) },
          { title: t('field.className'), dataIndex: 'className' },
          { title: t('staff.hiredOn'), dataIndex: 'hiredOn' },
          { title: t('staff.leftOn'), dataIndex: 'leftOn' },
          {
            title: t('staff.backgroundCheck'),
            dataIndex: 'backgroundCheck',
            render: (b: string, r) => <Tag color={b === 'passed' ? 'success' : b === 'failed' ? 'error' : 'default'}>{t(`backgroundCheck.${b}`)} {r.backgroundCheckedOn ?? ''}</Tag>,
          },
          { title: t('staff.trainingHours'), dataIndex: 'trainingHours', align: 'right' },
          {
            title: t('staff.certificates'),
            dataIndex: 'certificates',
            render: (cs: StaffView['certificates'], r) => (
              <Space direction="vertical" size={0}>
                {cs.map((c) => (
                  <span key={c.id} data-testid={c.validTo && c.validTo < today ? 'certificate-expired' : undefined}>
                    {t(`certType.${c.certType}`)} {c.number}
                    {c.validTo ? ` · ${t('staff.validTo')} ${c.validTo}` : ''}
                    {c.validTo && c.validTo < today && <Tag color="red" style={{ marginInlineStart: 4 }}>{t('staff.expired')}</Tag>}
                    {c.validTo && c.validTo >= today && c.validTo <= soon && <Tag color="orange" style={{ marginInlineStart: 4 }}>{t('staff.expiringSoon')}</Tag>}
                  </span>
                ))}
                {operate && (
                  <a onClick={() => setCertFor(r.id)}>
                    <PlusOutlined /> {t('staff.addCertificate')}
                  </a>
                )}
              </Space>
            ),
          },
          ...(operate
            ? [
                {
                  title: '',
                  key: 'actions',
                  render: (_: unknown, s: StaffView) =>
                    s.leftOn ? null : (
                      <Space size={8}>
                        <a
                          onClick={() => {
                            editForm.setFieldsValue({ classId: s.classId ?? undefined, backgroundCheck: s.backgroundCheck, backgroundCheckedOn: s.backgroundCheckedOn ? dayjs(s.backgroundCheckedOn) : undefined, trainingHours: s.trainingHours, phone: s.phone ?? undefined });
                            setEditing(s);
                          }}
                        >
                          {t('common:actions.edit')}
                        </a>
                        <a onClick={() => void leave(s)} data-testid={`leave-${s.name}`}>
                          {t('staff.leave')}
                        </a>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Modal open={!!editing} title={`${t('common:actions.edit')} · ${editing?.name ?? ''}`} onOk={() => void saveEdit().catch(() => {})} onCancel={() => setEditing(null)} okText={t('common:actions.save')} cancelText={t('common:actions.cancel')} forceRender>
        <Form form={editForm} onValuesChange={editErrors.onValuesChange} layout="vertical">
          <Form.Item name="classId" label={t('field.className')}>
            <Select allowClear options={center.classes.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Space>
            <Form.Item name="backgroundCheck" label={t('staff.backgroundCheck')}>
              <Select style={{ width: 140 }} options={CHECKS.map((c) => ({ value: c, label: t(`backgroundCheck.${c}`) }))} />
            </Form.Item>
            <Form.Item name="backgroundCheckedOn" label={t('staff.checkedOn')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="trainingHours" label={t('staff.trainingHours')}>
              <InputNumber min={0} />
            </Form.Item>
          </Space>
          <Form.Item name="phone" label={t('staff.phone')}>
            <Input maxLength={20} />
          </Form.Item>
          {editErrors.error && <Alert type="error" showIcon message={editErrors.error} />}
        </Form>
      </Modal>
      <Modal open={adding} title={t('staff.add')} onOk={() => void addStaff().catch(() => {})} onCancel={() => setAdding(false)} okText={t('common:actions.save')} cancelText={t('common:actions.cancel')}>
        <Form form={staffForm} onValuesChange={staffFormErrors.onValuesChange} layout="vertical" initialValues={{ role: 'caregiver', backgroundCheck: 'pending', trainingHours: 0 }}>
          <Form.Item name="name" label={t('staff.name')} rules={[rules.required()]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="role" label={t('staff.role')}>
            <Select options={ROLES.map((r) => ({ value: r, label: t(`staffRole.${r}`) }))} />
          </Form.Item>
          <Form.Item name="classId" label={t('field.className')}>
            <Select allowClear options={center.classes.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item name="hiredOn" label={t('staff.hiredOn')} rules={[rules.choose()]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Space>
            <Form.Item name="backgroundCheck" label={t('staff.backgroundCheck')}>
              <Select style={{ width: 140 }} options={CHECKS.map((c) => ({ value: c, label: t(`backgroundCheck.${c}`) }))} />
            </Form.Item>
            <Form.Item name="backgroundCheckedOn" label={t('staff.checkedOn')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="trainingHours" label={t('staff.trainingHours')}>
              <InputNumber min={0} />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
      <Modal open={certFor !== null} title={t('staff.addCertificate')} onOk={() => void addCert().catch(() => {})} onCancel={() => setCertFor(null)} okText={t('common:actions.save')} cancelText={t('common:actions.cancel')}>
        <Form form={certForm} onValuesChange={certFormErrors.onValuesChange} layout="vertical" initialValues={{ certType: 'caregiver' }}>
          <Form.Item name="certType" label={t('staff.certType')}>
            <Select options={CERTS.map((c) => ({ value: c, label: t(`certType.${c}`) }))} />
          </Form.Item>
          <Form.Item name="number" label={t('staff.certNumber')} rules={[rules.required()]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="issuer" label={t('staff.issuer')} rules={[rules.required()]}>
            <Input maxLength={100} />
          </Form.Item>
          <Space>
            <Form.Item name="validFrom" label={t('staff.validFrom')} rules={[rules.choose()]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="validTo" label={t('staff.validTo')}>
              <DatePicker />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </>
  );
}
