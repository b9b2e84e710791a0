import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, DatePicker, Form, Input, Modal, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { api, qs, type Paged } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import { applyApiError } from '../../components/formErrors.ts';
import type { ChildFile, ChildListItem } from '../../../src/modules/welfare/contract.ts';
import { CategoryTag, isoDay, useCategories } from './shared.tsx';

interface Counts {
  total: number;
  overdue: number;
  byCategory: { category: string; children: number }[];
}

/** The key children in scope: counts, filters, the list, a new file. */
export function LedgerTab() {
  const { t, i18n } = useTranslation(['welfare', 'common']);
  const { can } = useAuth();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const cats = useCategories();
  const zh = i18n.language.startsWith('zh');
  const [state, update] = useUrlState({ category: undefined, unitCode: undefined, q: undefined, status: 'active', page: '1', pageSize: '20' } as Record<string, string | undefined>);
  const filters = { category: state.category, unitCode: state.unitCode, q: state.q, status: state.status };
  const list = useQuery({ queryKey: ['welfare-children', state], queryFn: () => api.get<Paged<ChildListItem>>(`/welfare/children${qs({ ...filters, page: state.page, pageSize: state.pageSize })}`) });
  const counts = useQuery({ queryKey: ['welfare-counts', state.unitCode], queryFn: () => api.get<Counts>(`/welfare/counts${qs({ unitCode: state.unitCode })}`) });
  const catName = (code: string) => {
    const c = cats.data?.categories.find((x) => x.code === code);
    return c ? (zh ? c.zh : c.en) : '';
  };
  const { message } = App.useApp();
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Row gutter={16}>
        <Col span={4}>
          <Statistic title={t('counts.total')} value={counts.data?.total ?? 0} />
        </Col>
        <Col span={4}>
          <Statistic title={t('counts.overdue')} value={counts.data?.overdue ?? 0} valueStyle={{ color: counts.data?.overdue ? '#cf1322' : undefined }} />
        </Col>
        <Col span={16}>
          <Space wrap size={[8, 8]} style={{ marginTop: 8 }}>
            {(counts.data?.byCategory ?? []).map((c) => (
              <Tag key={c.category} style={{ cursor: 'pointer' }} onClick={() => update({ category: c.category, page: '1' })}>
                {catName(c.category)} {c.children}
              </Tag>
            ))}
          </Space>
        </Col>
      </Row>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Form name="welfare-filters" layout="inline" key={JSON.stringify(filters)} initialValues={filters} onFinish={(v) => update({ ...v, page: '1' })}>
          <Form.Item name="category" label={t('field.category')}>
            <Select allowClear style={{ width: 170 }} options={(cats.data?.categories ?? []).map((c) => ({ value: c.code, label: zh ? c.zh : c.en }))} />
          </Form.Item>
          <Form.Item name="q" label={t('ledger.searchName')}>
            <Input allowClear style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="unitCode" label={t('common:unit')}>
            <UnitPicker style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="status">
            <Select style={{ width: 150 }} options={[{ value: 'active', label: t('ledger.activeOnly') }, { value: 'all', label: t('ledger.all') }]} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('common:actions.search')}
            </Button>
          </Form.Item>
        </Form>
        <Space>
          <Button icon={<DownloadOutlined />} onClick={() => void api.download(`/welfare/children/export.xlsx${qs(filters)}`, 'welfare-children.xlsx').catch((e) => message.error(String(e)))}>
            {t('common:actions.export')}
          </Button>
          {can('welfare.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-child">
              {t('ledger.add')}
            </Button>
          )}
        </Space>
      </Space>
      <Table<ChildListItem>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('ledger.empty') }}
        onRow={(r) => ({ onClick: () => navigate(`children/${r.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: Number(state.page),
          pageSize: Number(state.pageSize),
          total: list.data?.total ?? 0,
          showTotal: (n) => t('common:total', { count: n }),
          onChange: (page, pageSize) => update({ page: String(page), pageSize: String(pageSize) }),
        }}
        columns={[
          { title: t('field.name'), dataIndex: 'name', key: 'name', render: (v: string) => <a>{v}</a> },
          { title: t('field.sex'), dataIndex: 'sex', key: 'sex', render: (v: string) => t(`sex.${v}`) },
          { title: t('field.age'), dataIndex: 'age', key: 'age', align: 'right' },
          { title: t('field.unit'), dataIndex: 'unitName', key: 'unit' },
          { title: t('field.categories'), key: 'categories', render: (_, r) => r.categories.map((c) => <CategoryTag key={c.category} {...c} />) },
          { title: t('field.director'), dataIndex: 'directorName', key: 'director' },
          { title: t('field.lastVisitOn'), dataIndex: 'lastVisitOn', key: 'last' },
          {
            title: t('field.nextDueOn'),
            key: 'due',
            render: (_, r) => (r.overdue ? <Typography.Text type="danger">{r.nextDueOn} {t('overdue.yes')}</Typography.Text> : r.nextDueOn),
          },
        ]}
      />
      <AddChildModal open={adding} onClose={() => setAdding(false)} onCreated={(f) => navigate(`children/${f.id}`)} />
    </Space>
  );
}

interface PersonOption {
  id: string;
  name: string;
  birthDate: string;
  idNumberMasked: string;
  unitName: string;
}


/** Opens a key child's file for a child of the people registry. */
function AddChildModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (f: ChildFile) => void }) {
  const { t, i18n } = useTranslation(['welfare', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [search, setSearch] = useState('');
  const zh = i18n.language.startsWith('zh');
  const cats = useCategories();
  const category = Form.useWatch('category', form) as string | undefined;
  const subclasses = cats.data?.categories.find((c) => c.code === category)?.subclasses ?? [];
  const people = useQuery({
    queryKey: ['welfare-person-search', search],
    queryFn: () => api.get<Paged<PersonOption>>(`/people${qs({ q: search, group: 'child', pageSize: 20 })}`),
    enabled: open && search.length > 0,
  });
  const workers = useQuery({ queryKey: ['welfare-workers', 'all'], queryFn: () => api.get<{ id: string; role: string; name: string; unitName: string }[]>('/welfare/workers'), enabled: open });
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post<ChildFile>('/welfare/children', v),
    onSuccess: (f) => {
      message.success(t('ledger.added', { name: f.name }));
      void qc.invalidateQueries({ queryKey: ['welfare-children'] });
      void qc.invalidateQueries({ queryKey: ['welfare-counts'] });
      form.resetFields();
      onClose();
      onCreated(f);
    },
    onError: (e) => {
      const rest = applyApiError(form, e).text;
      if (rest) message.error(rest);
    },
  });
  const workerOptions = (role: string) => (workers.data ?? []).filter((w) => w.role === role).map((w) => ({ value: w.id, label: `${w.name}（${w.unitName}）` }));
  return (
    <Modal open={open} onCancel={onClose} title={t('ledger.add')} onOk={() => form.submit()} okButtonProps={{ loading: save.isPending }} okText={t('common:actions.save')} width={640} destroyOnHidden>
      <Form
        form={form}
        name="welfare-add-child"
        layout="vertical"
        initialValues={{ startDate: dayjs() }}
        onFinish={(v) => save.mutate({ ...v, startDate: isoDay(v.startDate), subclass: v.subclass ?? null, guardianPhone: v.guardianPhone || null })}
      >
        <Form.Item name="personId" label={t('field.person')} rules={[{ required: true }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setSearch}
            loading={people.isFetching}
            placeholder={t('ledger.searchName')}
            options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${p.birthDate} · ${p.unitName} · ${p.idNumberMasked}` }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="category" label={t('field.category')} rules={[{ required: true }]}>
              <Select options={(cats.data?.categories ?? []).map((c) => ({ value: c.code, label: zh ? c.zh : c.en }))} onChange={() => form.setFieldValue('subclass', undefined)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="subclass" label={t('field.subclass')} rules={[{ required: subclasses.length > 0 }]}>
              <Select disabled={subclasses.length === 0} options={subclasses.map((s) => ({ value: s.code, label: zh ? s.zh : s.en }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item name="basis" label={t('field.basis')} rules={[{ required: true }]}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="startDate" label={t('field.startDate')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="directorId" label={t('field.director')}>
              <Select allowClear options={workerOptions('director')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="supervisorId" label={t('field.supervisor')}>
              <Select allowClear options={workerOptions('supervisor')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="guardianName" label={t('field.guardian')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="guardianRelation" label={t('field.guardianRelation')}>
              <Select allowClear options={['mother', 'father', 'grandparent', 'relative', 'institution', 'other'].map((r) => ({ value: r, label: t(`relation.${r}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="guardianPhone" label={t('field.guardianPhone')}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
