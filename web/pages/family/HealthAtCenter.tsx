import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Empty, Form, Input, List, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { useFormErrors, rules } from '../../components/formErrors.ts';
import type { CenterDueItem, TourScheduleRow, TourView } from '../../../src/modules/family/contract.ts';
import { GUIDANCE_TOPICS } from '../../../src/modules/health/vocabulary.ts';

const todayShanghai = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** 疫苗查验: doses due or overdue for the children enrolled at the center. */
export function ImmunisationTab({ centerId }: { centerId: string }) {
  const { t } = useTranslation('family');
  const list = useQuery({ queryKey: ['family-immunisation', centerId], queryFn: () => api.get<CenterDueItem[]>(`/family/centers/${centerId}/immunisation`) });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('immunisation.intro')}</Typography.Text>
      <Table<CenterDueItem>
        rowKey={(r) => `${r.personId}-${r.vaccine}-${r.dose}`}
        size="small"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('immunisation.none') }}
        pagination={{ pageSize: 30 }}
        columns={[
          { title: t('immunisation.child'), dataIndex: 'childName', sorter: (a, b) => a.childName.localeCompare(b.childName) },
          { title: t('immunisation.class'), dataIndex: 'className' },
          { title: t('immunisation.age'), dataIndex: 'ageMonths' },
          { title: t('immunisation.vaccine'), dataIndex: 'vaccine' },
          { title: t('immunisation.dose'), dataIndex: 'dose' },
          { title: t('immunisation.dueOn'), dataIndex: 'dueOn', sorter: (a, b) => a.dueOn.localeCompare(b.dueOn) },
          { title: t('immunisation.deadlineOn'), dataIndex: 'deadlineOn' },
          {
            title: t('immunisation.status'),
            dataIndex: 'status',
            filters: [{ text: t('immunisation.overdue'), value: 'overdue' }, { text: t('immunisation.due'), value: 'due' }],
            onFilter: (v, r) => r.status === v,
            render: (v: string) => <Tag color={v === 'overdue' ? 'red' : 'gold'}>{t(`immunisation.${v}`)}</Tag>,
          },
        ]}
      />
    </Space>
  );
}

function TourForm({ centerId, onDone }: { centerId: string; onDone: () => void }) {
  const { t } = useTranslation(['family', 'common']);
  const [form] = Form.useForm();
  const { error, setError, onError, onValuesChange } = useFormErrors(form);
  const submit = async (v: Record<string, unknown>) => {
    setError(null);
    try {
      await api.post(`/family/centers/${centerId}/tours`, { ...v, followUpOn: v.followUpOn || undefined });
      form.resetFields();
      onDone();
    } catch (e) {
      onError(e);
    }
  };
  return (
    <Form form={form} onValuesChange={onValuesChange} layout="vertical" onFinish={submit} initialValues={{ touredOn: todayShanghai(), topics: ['feeding'] }}>
      <Space>
        <Form.Item name="touredOn" label={t('tours.touredOn')} rules={[rules.required()]}>
          <Input type="date" max={todayShanghai()} />
        </Form.Item>
        <Form.Item name="followUpOn" label={t('tours.followUpOn')}>
          <Input type="date" />
        </Form.Item>
      </Space>
      <Form.Item name="topics" label={t('tours.topics')} rules={[rules.choose()]}>
        <Checkbox.Group options={GUIDANCE_TOPICS.map((k) => ({ value: k, label: t(`tours.topic.${k}`) }))} />
      </Form.Item>
      <Form.Item name="findings" label={t('tours.findings')} rules={[rules.required()]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="advice" label={t('tours.advice')} rules={[rules.required()]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit">
        {t('common:actions.save')}
      </Button>
    </Form>
  );
}

/** The guidance tours of one center (the doctor records new ones). */
export function ToursTab({ centerId }: { centerId: string }) {
  const { t } = useTranslation('family');
  const { can } = useAuth();
  const qc = useQueryClient();
  const tours = useQuery({ queryKey: ['family-tours', centerId], queryFn: () => api.get<TourView[]>(`/family/centers/${centerId}/tours`) });
  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      {can('health.write') && (
        <Card size="small" title={t('tours.record')} style={{ width: 420 }}>
          <TourForm
            centerId={centerId}
            onDone={() => {
              void qc.invalidateQueries({ queryKey: ['family-tours', centerId] });
              void qc.invalidateQueries({ queryKey: ['tour-schedule'] });
            }}
          />
        </Card>
      )}
      <List
        style={{ flex: 1, minWidth: 320 }}
        locale={{ emptyText: t('tours.none') }}
        dataSource={tours.data ?? []}
        renderItem={(r) => (
          <Card size="small" style={{ marginBottom: 12 }} title={`${r.touredOn} · ${r.doctorName}`} extra={r.topics.map((k) => <Tag key={k}>{t(`tours.topic.${k}`)}</Tag>)}>
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              <Typography.Text strong>{t('tours.findings')}：</Typography.Text>
              {r.findings}
            </Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              <Typography.Text strong>{t('tours.advice')}：</Typography.Text>
              {r.advice}
            </Typography.Paragraph>
            {r.followUpOn && <Typography.Text type="secondary">{t('tours.followUpOn')}：{r.followUpOn}</Typography.Text>}
          </Card>
        )}
      />
    </div>
  );
}

const STATUS_COLOR: Record<string, string> = { overdue: 'red', never: 'orange', due: 'gold', done: 'green' };

/** 托育机构儿保指导 for child-health doctors: the centers of the area, when each is due, their tours and vaccinations. */
export function GuidanceToursPage() {
  const { t } = useTranslation('family');
  const schedule = useQuery({ queryKey: ['tour-schedule'], queryFn: () => api.get<TourScheduleRow[]>('/family/tour-schedule') });
  const [centerId, setCenterId] = useState<string | undefined>();
  const current = centerId ?? schedule.data?.[0]?.centerId;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('tours.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('tours.intro')}</Typography.Text>
      </div>
      <Card>
        <Table<TourScheduleRow>
          rowKey="centerId"
          size="small"
          loading={schedule.isLoading}
          dataSource={schedule.data ?? []}
          pagination={{ pageSize: 10 }}
          rowSelection={{ type: 'radio', selectedRowKeys: current ? [current] : [], onChange: (k) => setCenterId(String(k[0])) }}
          onRow={(r) => ({ onClick: () => setCenterId(r.centerId) })}
          columns={[
            { title: t('tours.center'), dataIndex: 'centerName', sorter: (a, b) => a.centerName.localeCompare(b.centerName) },
            { title: t('tours.lastTour'), dataIndex: 'lastTour', render: (v) => v ?? '—' },
            { title: t('tours.nextDue'), dataIndex: 'nextDue', render: (v) => v ?? '—' },
            {
              title: t('tours.status'),
              dataIndex: 'status',
              filters: ['overdue', 'never', 'due', 'done'].map((s) => ({ text: t(`tours.${s}`), value: s })),
              onFilter: (v, r) => r.status === v,
              render: (v: string) => <Tag color={STATUS_COLOR[v]}>{t(`tours.${v}`)}</Tag>,
            },
          ]}
        />
      </Card>
      {current ? (
        <Card title={schedule.data?.find((c) => c.centerId === current)?.centerName}>
          <Space direction="vertical" style={{ width: '100%' }} size={24}>
            <ToursTab centerId={current} />
            <ImmunisationTab centerId={current} />
          </Space>
        </Card>
      ) : (
        schedule.data && <Empty />
      )}
    </Space>
  );
}

