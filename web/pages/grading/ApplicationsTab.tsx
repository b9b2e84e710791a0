import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, qs, type Paged } from '../../api.ts';
import { errorText, rules, useFormErrors } from '../../components/formErrors.ts';
import { useAuth } from '../../auth.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import type { ApplicationView } from '../../../src/modules/grading/contract.ts';
import type { CenterListItem } from '../../../src/modules/childcare/contract.ts';
import { ApplicationDrawer, EligibilityList, type Eligibility } from './ApplicationDrawer.tsx';
import { LevelTag, StatusTag } from './labels.tsx';

const LEVELS = ['cityModel', 'grade1', 'grade2', 'grade3'];
const STATUSES = ['draft', 'submitted', 'assessed', 'published', 'withdrawn'];

/** Applications in scope (an operator: its own), filter and sort; an operator starts one after the eligibility check. */
export function ApplicationsTab() {
  const { t } = useTranslation(['grading', 'common']);
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const { onError, onValuesChange } = useFormErrors(form, { toast: true });
  const centerId = Form.useWatch('centerId', form) as string | undefined;
  const [state, update] = useUrlState({ status: undefined, level: undefined, unitCode: undefined, q: undefined, sort: 'createdAt', order: 'desc', page: '1', pageSize: '20' } as Record<string, string | undefined>);
  const filters = { status: state.status, level: state.level, unitCode: state.unitCode, q: state.q };
  const list = useQuery({ queryKey: ['grading-applications', state], queryFn: () => api.get<Paged<ApplicationView>>(`/grading/applications${qs({ ...filters, sort: state.sort, order: state.order, page: state.page, pageSize: state.pageSize })}`) });
  const centers = useQuery({ queryKey: ['own-centers'], queryFn: () => api.get<Paged<CenterListItem>>(`/childcare/centers${qs({ pageSize: 200 })}`), enabled: creating });
  const eligibility = useQuery({ queryKey: ['grading-eligibility', centerId], queryFn: () => api.get<Eligibility>(`/grading/centers/${centerId}/eligibility`), enabled: !!centerId });
  const create = useMutation({
    mutationFn: (v: { centerId: string; level: string }) => api.post<ApplicationView>('/grading/applications', v),
    onSuccess: (a) => {
      void message.success(t('common:feedback.created'));
      setCreating(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['grading-applications'] });
      setOpen(a.id);
    },
    onError: (e) => void onError(e),
  });
  const sortOrder = (key: string) => (state.sort === key ? (state.order === 'desc' ? 'descend' : 'ascend') : null);
  const operator = can('grading.apply') && !can('grading.assess');
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Form name="grading-filters" layout="inline" key={JSON.stringify(filters)} initialValues={filters} onFinish={(v) => update({ ...v, page: '1' })}>
          <Form.Item name="status" label={t('field.status')}>
            <Select allowClear style={{ width: 140 }} options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
          </Form.Item>
          <Form.Item name="level" label={t('field.levelApplied')}>
            <Select allowClear style={{ width: 110 }} options={LEVELS.map((s) => ({ value: s, label: t(`level.${s}`) }))} />
          </Form.Item>
          <Form.Item name="q" label={t('field.center')}>
            <Input allowClear style={{ width: 150 }} />
          </Form.Item>
          {!operator && (
            <Form.Item name="unitCode" label={t('common:unit')}>
              <UnitPicker style={{ width: 220 }} />
            </Form.Item>
          )}
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('common:actions.search')}
            </Button>
          </Form.Item>
        </Form>
        {can('grading.apply') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-application">
            {t('applications.new')}
          </Button>
        )}
      </Space>
      <Table<ApplicationView>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('applications.empty') }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        onChange={(_, __, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          update({ sort: s?.order ? String(s.columnKey) : 'createdAt', order: s?.order === 'ascend' ? 'asc' : 'desc', page: '1' });
        }}
        pagination={{ current: Number(state.page), pageSize: Number(state.pageSize), total: list.data?.total ?? 0, showTotal: (n) => t('common:total', { count: n }), onChange: (page, pageSize) => update({ page: String(page), pageSize: String(pageSize) }) }}
        columns={[
          { title: t('field.center'), dataIndex: 'centerName', key: 'centerName', sorter: true, sortOrder: sortOrder('centerName'), render: (v: string) => <a>{v}</a> },
          { title: t('field.unit'), dataIndex: 'unitName', key: 'unit' },
          { title: t('field.levelApplied'), dataIndex: 'level', key: 'level', sorter: true, sortOrder: sortOrder('level'), render: (v: string) => <LevelTag level={v} /> },
          { title: t('field.status'), dataIndex: 'status', key: 'status', sorter: true, sortOrder: sortOrder('status'), render: (v: string) => <StatusTag status={v} /> },
          { title: t('field.selfTotal'), dataIndex: 'selfTotal', key: 'selfTotal', align: 'right' },
          { title: t('field.onsiteTotal'), dataIndex: 'onsiteTotal', key: 'onsiteTotal', align: 'right', sorter: true, sortOrder: sortOrder('onsiteTotal') },
          { title: t('field.result'), dataIndex: 'resultLevel', key: 'result', render: (v: string | null, r) => (r.status === 'assessed' || r.status === 'published' ? <LevelTag level={v} /> : null) },
          { title: t('field.submittedAt'), dataIndex: 'submittedAt', key: 'createdAt', sorter: true, sortOrder: sortOrder('createdAt'), render: (v: string | null) => v?.slice(0, 10) },
        ]}
      />
      <ApplicationDrawer id={open} onClose={() => setOpen(null)} />
      <Modal open={creating} title={t('applications.new')} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} onValuesChange={onValuesChange} name="new-application" layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="centerId" label={t('field.center')} rules={[rules.choose()]}>
            <Select options={(centers.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} loading={centers.isLoading} />
          </Form.Item>
          {eligibility.data && (eligibility.data.eligible ? <Alert type="success" showIcon message={t('eligibility.eligible')} /> : <EligibilityList check={eligibility.data} />)}
          <Form.Item name="level" label={t('field.levelApplied')} rules={[rules.choose()]} style={{ marginTop: 12 }}>
            <Select options={LEVELS.map((s) => ({ value: s, label: t(`level.${s}`) }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
