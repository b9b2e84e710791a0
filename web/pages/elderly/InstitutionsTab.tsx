import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { applyApiError } from '../../components/formErrors.ts';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import type { BedSummary, InstitutionView } from '../../../src/modules/elderly/contract.ts';

type Indicator = BedSummary['indicators'][number];

function IndicatorCard({ i }: { i: Indicator }) {
  const { t } = useTranslation('elderly');
  const suffix = i.code === 'nursingShare' ? '%' : '';
  return (
    <Card size="small">
      <Statistic title={t(`institutions.indicator.${i.code}`)} value={i.value ?? '—'} suffix={suffix} />
      <Space>
        <Typography.Text type="secondary">{t('institutions.target', { target: `${i.code === 'socialWorkers' ? '≥ ' : '≥ '}${i.target}${suffix}` })}</Typography.Text>
        {i.met === null ? <Tag>{t('institutions.noData')}</Tag> : <Tag color={i.met ? 'green' : 'red'}>{t(i.met ? 'institutions.met' : 'institutions.notMet')}</Tag>}
      </Space>
    </Card>
  );
}

/** Institutions and beds in scope against the targets of the Shaoxing plan; registering an institution. */
export function InstitutionsTab() {
  const { t } = useTranslation(['elderly', 'common']);
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [adding, setAdding] = useState(false);
  const [state, update] = useUrlState({ unitCode: undefined } as Record<string, string | undefined>);
  const summary = useQuery({ queryKey: ['elderly-beds', state.unitCode], queryFn: () => api.get<BedSummary>(`/elderly/beds${qs({ unitCode: state.unitCode })}`) });
  const list = useQuery({ queryKey: ['elderly-institutions', state.unitCode], queryFn: () => api.get<InstitutionView[]>(`/elderly/institutions${qs({ unitCode: state.unitCode })}`) });
  const create = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post<InstitutionView>('/elderly/institutions', v),
    onSuccess: (r) => {
      message.success(t('institutions.saved', { name: r.name }));
      setAdding(false);
      void qc.invalidateQueries({ queryKey: ['elderly-institutions'] });
      void qc.invalidateQueries({ queryKey: ['elderly-beds'] });
    },
    onError: (e) => {
      const rest = applyApiError(form, e).text;
      if (rest) message.error(rest);
    },
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space>
          <span>{t('common:unit')}</span>
          <UnitPicker style={{ width: 240 }} value={state.unitCode} onChange={(unitCode: string | undefined) => update({ unitCode })} />
        </Space>
        {can('elderly.institutions') && <Button type="primary" onClick={() => setAdding(true)}>{t('institutions.add')}</Button>}
      </Space>
      {summary.data && (
        <>
          <Typography.Text type="secondary">
            {t('institutions.summary')} · {t('institutions.elderly60', { n: summary.data.elderly60.toLocaleString() })} · {t('institutions.source')}
          </Typography.Text>
          <Row gutter={12}>
            {summary.data.indicators.map((i) => (
              <Col span={8} key={i.code}><IndicatorCard i={i} /></Col>
            ))}
          </Row>
        </>
      )}
      <Table<InstitutionView>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        columns={[
          { title: t('field.institutionName'), dataIndex: 'name' },
          { title: t('common:unit'), dataIndex: 'unitName' },
          { title: t('field.publicHome'), dataIndex: 'publicHome', render: (v: boolean) => <Tag color={v ? 'blue' : 'default'}>{t(v ? 'institutions.public' : 'institutions.private')}</Tag> },
          { title: t('field.beds'), dataIndex: 'beds' },
          { title: t('field.nursingBeds'), render: (_, r) => `${r.nursingBeds}（${r.indicators[0]?.value ?? '—'}%）` },
          { title: t('field.dementiaBeds'), dataIndex: 'dementiaBeds' },
          { title: t('field.occupiedBeds'), dataIndex: 'occupiedBeds' },
          { title: t('field.socialWorkers'), render: (_, r) => { const s = r.indicators.find((i) => i.code === 'socialWorkers'); return <Typography.Text type={s && !s.met ? 'danger' : undefined}>{`${r.socialWorkers} / ${s?.target ?? 0}`}</Typography.Text>; } },
          { title: t('field.waiting'), dataIndex: 'waiting' },
        ]}
      />
      <Modal open={adding} title={t('institutions.add')} onCancel={() => setAdding(false)} onOk={() => form.submit()} confirmLoading={create.isPending} okText={t('common:actions.save')} destroyOnHidden>
        <Form form={form} name="elderly-institution" layout="vertical" initialValues={{ publicHome: true, beds: 60, nursingBeds: 36, dementiaBeds: 0, occupiedBeds: 0, socialWorkers: 1 }} onFinish={(v) => create.mutate({ ...v, address: v.address || undefined })}>
          <Form.Item name="unitCode" label={t('common:unit')} rules={[{ required: true }]}><UnitPicker /></Form.Item>
          <Form.Item name="name" label={t('field.institutionName')} rules={[{ required: true }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="publicHome" label={t('field.publicHome')} valuePropName="checked"><Switch /></Form.Item>
          <Row gutter={12}>
            {(['beds', 'nursingBeds', 'dementiaBeds', 'occupiedBeds', 'socialWorkers'] as const).map((f) => (
              <Col span={8} key={f}><Form.Item name={f} label={t(`field.${f}`)} rules={[{ required: true }]}><InputNumber min={0} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
            ))}
          </Row>
          <Form.Item name="address" label={t('field.address')}><Input maxLength={120} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
