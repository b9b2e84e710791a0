import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, InputNumber, Modal, Progress, Space, Spin, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { EditOutlined, PauseCircleOutlined, PlayCircleOutlined, ReloadOutlined, StopOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, ApiError } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { FilingPanel } from './FilingPanel.tsx';
import { StaffSection } from './StaffSection.tsx';
import { StatusTag, yuan } from './labels.tsx';
import type { CenterDetail, CenterStatusInput, ClassView, EnrolmentView, WarningView } from '../../../src/modules/childcare/contract.ts';
import { useFormErrors } from '../../components/formErrors.ts';

/** One center: its particulars and classes with ratios, filing with reviews and timeline, staff, children and warnings. */
export function CenterDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation(['childcare', 'common']);
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [changing, setChanging] = useState(false);
  const [changeForm] = Form.useForm();
  // The change form names each class's capacity by the class: `classes.0.capacity` is `cap_<id>`.
  const changeErrors = useFormErrors(changeForm, {
    toast: true,
    rename: (path) => path.replace(/^classes\.(\d+)\.capacity$/, (_, i: string) => `cap_${q.data?.classes[Number(i)]?.id}`),
  });
  const [statusAction, setStatusAction] = useState<CenterStatusInput['action'] | null>(null);
  const [statusForm] = Form.useForm();
  const { error: statusError, setError: setStatusError, onError: onStatusError, onValuesChange: onStatusChange } = useFormErrors(statusForm);
  const q = useQuery({ queryKey: ['childcare-center', id], queryFn: () => api.get<CenterDetail>(`/childcare/centers/${id}`) });
  const tab = params.get('tab') ?? 'overview';
  const children = useQuery({ queryKey: ['childcare-enrolments', id], enabled: tab === 'children', queryFn: () => api.get<EnrolmentView[]>(`/childcare/centers/${id}/enrolments`) });
  if (q.isLoading) return <Spin />;
  if (q.error || !q.data) return <Alert type="error" message={q.error instanceof ApiError ? q.error.message : String(q.error)} />;
  const c = q.data;
  const operate = can('childcare.operate') && !can('childcare.file');

  const recheck = async () => {
    const r = await api.post<{ breaches: number }>(`/childcare/centers/${c.id}/ratio-check`);
    message.info(t('warnings.rechecked', { count: r.breaches }));
    await queryClient.invalidateQueries({ queryKey: ['childcare-center', id] });
  };
  const askChange = async () => {
    const v = await changeForm.validateFields();
    const body: Record<string, unknown> = {};
    if (v.address && v.address !== c.address) body.address = v.address;
    if (v.operatorName && v.operatorName !== c.operatorName) body.operatorName = v.operatorName;
    const caps = c.classes.map((k) => ({ id: k.id, classType: k.classType, name: k.name, capacity: v[`cap_${k.id}`] as number }));
    if (caps.some((k, i) => k.capacity !== c.classes[i].capacity)) body.classes = caps;
    if (v.note) body.note = v.note;
    try {
      const r = await api.post<{ filingId: string }>(`/childcare/centers/${c.id}/changes`, body);
      await api.post(`/childcare/filings/${r.filingId}/submit`);
      setChanging(false);
      message.success(t('change.submitted'));
      await queryClient.invalidateQueries({ queryKey: ['childcare-center', id] });
    } catch (e) {
      changeErrors.onError(e);
    }
  };

  const changeStatus = async () => {
    const v = await statusForm.validateFields();
    setStatusError(null);
    try {
      await api.post(`/childcare/centers/${c.id}/status`, { action: statusAction, reason: v.reason });
      setStatusAction(null);
      statusForm.resetFields();
      message.success(t('operation.done'));
      await queryClient.invalidateQueries({ queryKey: ['childcare-center', id] });
    } catch (e) {
      onStatusError(e);
    }
  };
  const file = can('childcare.file');

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Modal
        open={statusAction !== null}
        title={statusAction ? t(`operation.${statusAction}`) : ''}
        onCancel={() => {
          setStatusAction(null);
          setStatusError(null);
        }}
        onOk={() => void changeStatus()}
        okButtonProps={{ danger: statusAction !== 'resume', 'data-testid': 'status-confirm' } as never}
        destroyOnHidden
      >
        {statusAction && <Alert type={statusAction === 'resume' ? 'info' : 'warning'} showIcon message={t(`operation.hint.${statusAction}`)} style={{ marginBottom: 12 }} />}
        <Form form={statusForm} onValuesChange={onStatusChange} layout="vertical" name="center-status">
          <Form.Item name="reason" label={t('operation.reason')} rules={[{ required: true, whitespace: true, message: t('operation.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="status-reason" />
          </Form.Item>
        </Form>
        {statusError && <Alert type="error" showIcon message={statusError} />}
      </Modal>
      <Card
        title={
          <Space>
            <Link to="/childcare/centers">{t('centers.title')}</Link>/<span data-testid="center-name">{c.name}</span>
            <span data-testid="center-status">
              <StatusTag status={c.status} />
            </span>
            {c.filingNumber && <Tag>{t('field.filingNumber')} {c.filingNumber}</Tag>}
            {c.warnings.length > 0 && <Tag color="red">{t('warnings.count', { count: c.warnings.length })}</Tag>}
          </Space>
        }
        extra={
          <Space>
            {c.editable && (
              <Link to={`/childcare/centers/${c.id}/edit`}>
                <Button icon={<EditOutlined />}>{t('common:actions.edit')}</Button>
              </Link>
            )}
            {file && c.status === 'filed' && (
              <Button icon={<PauseCircleOutlined />} onClick={() => setStatusAction('suspend')} data-testid="status-suspend">
                {t('operation.suspend')}
              </Button>
            )}
            {file && c.status === 'suspended' && (
              <Button icon={<PlayCircleOutlined />} onClick={() => setStatusAction('resume')} data-testid="status-resume">
                {t('operation.resume')}
              </Button>
            )}
            {file && (c.status === 'filed' || c.status === 'suspended') && (
              <Button danger icon={<StopOutlined />} onClick={() => setStatusAction('close')} data-testid="status-close">
                {t('operation.close')}
              </Button>
            )}
            {operate && c.status === 'filed' && (
              <Button icon={<SwapOutlined />} onClick={() => setChanging(true)}>
                {t('change.ask')}
              </Button>
            )}
          </Space>
        }
      >
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          items={[
            {
              key: 'overview',
              label: t('detail.overview'),
              children: (
                <Space direction="vertical" size={16} style={{ width: '100%' }}>
                  {c.statusEvents.length > 0 && (
                    <Card size="small" title={t('operation.title')} data-testid="status-events">
                      <Timeline
                        items={c.statusEvents.map((e) => ({
                          color: e.action === 'resume' ? 'green' : e.action === 'suspend' ? 'orange' : 'red',
                          children: (
                            <Space direction="vertical" size={0}>
                              <Typography.Text strong>{t(`operation.${e.action}`)}</Typography.Text>
                              <Typography.Text>{e.reason}</Typography.Text>
                              <Typography.Text type="secondary">{t('operation.by', { name: e.actorName, at: new Date(e.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) })}</Typography.Text>
                            </Space>
                          ),
                        }))}
                      />
                    </Card>
                  )}
                  <Descriptions size="small" bordered column={3}>
                    <Descriptions.Item label={t('field.unit')}>{c.unitName}</Descriptions.Item>
                    <Descriptions.Item label={t('field.operatorName')}>{c.operatorName}</Descriptions.Item>
                    <Descriptions.Item label={t('field.operatorKind')}>{t(`operatorKind.${c.operatorKind}`)}</Descriptions.Item>
                    <Descriptions.Item label={t('field.form')}>{t(`form.${c.form}`)}</Descriptions.Item>
                    <Descriptions.Item label={t('field.creditCode')}>{c.creditCode}</Descriptions.Item>
                    <Descriptions.Item label={t('field.contactName')}>
                      {c.contactName} {c.contactPhone}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('field.address')} span={2}>
                      {c.address}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('field.location')}>{c.lon !== null ? `${c.lon}, ${c.lat}` : ''}</Descriptions.Item>
                    <Descriptions.Item label={t('field.floorAreaM2')}>{c.floorAreaM2}</Descriptions.Item>
                    <Descriptions.Item label={t('field.outdoorAreaM2')}>{c.outdoorAreaM2}</Descriptions.Item>
                    <Descriptions.Item label={t('field.investmentYuan')}>{yuan(c.investmentFen)}</Descriptions.Item>
                    <Descriptions.Item label={t('field.affordable')}>{c.affordable ? t('common:yes') : t('common:no')}</Descriptions.Item>
                    <Descriptions.Item label={t('field.monthlyFeeYuan')}>{yuan(c.monthlyFeeFen)}</Descriptions.Item>
                    <Descriptions.Item label={t('field.cloudSupervision')}>{c.cloudSupervision ? t('common:yes') : t('common:no')}</Descriptions.Item>
                    <Descriptions.Item label={t('field.openedOn')}>{c.openedOn}</Descriptions.Item>
                    <Descriptions.Item label={t('field.filedAt')}>{c.filedAt ? new Date(c.filedAt).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' }) : ''}</Descriptions.Item>
                    <Descriptions.Item label={t('field.staff')}>{c.staffCount}</Descriptions.Item>
                  </Descriptions>
                  <Table<ClassView>
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={c.classes}
                    title={() => <Typography.Text strong>{t('field.classes')}</Typography.Text>}
                    columns={[
                      { title: t('field.className'), dataIndex: 'name' },
                      { title: t('field.classType'), dataIndex: 'classType', render: (v: string) => t(`classType.${v}`) },
                      { title: t('field.capacity'), dataIndex: 'capacity', align: 'right' },
                      { title: t('field.maxSize'), dataIndex: 'maxSize', align: 'right' },
                      {
                        title: t('field.enrolled'),
                        dataIndex: 'enrolled',
                        render: (v: number, r) => <Progress percent={Math.round((v / r.capacity) * 100)} format={() => `${v}/${r.capacity}`} size="small" status={v > r.capacity ? 'exception' : 'normal'} />,
                      },
                      { title: t('field.caregivers'), dataIndex: 'caregivers', align: 'right' },
                      { title: t('field.ratio'), dataIndex: 'childrenPerCaregiver', render: (v: number, r) => (r.classType === 'mixed' ? t('detail.mixedRatio', { n: v }) : `1:${v}`) },
                    ]}
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('detail.standardNote')}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              key: 'filing',
              label: t('detail.filing'),
              children: c.filings.length ? (
                <Tabs
                  size="small"
                  items={c.filings.map((f) => ({ key: f.id, label: `${t(`filingKind.${f.kind}`)} · ${t(`filingStatus.${f.status}`)}`, children: <FilingPanel center={c} filing={f} /> }))}
                />
              ) : (
                <Empty />
              ),
            },
            { key: 'staff', label: t('detail.staff'), children: <StaffSection center={c} /> },
            {
              key: 'children',
              label: t('detail.children'),
              children: (
                <Table<EnrolmentView>
                  rowKey="id"
                  size="small"
                  loading={children.isLoading}
                  dataSource={children.data ?? []}
                  columns={[
                    { title: t('children.name'), dataIndex: 'childName' },
                    { title: t('children.birthDate'), dataIndex: 'birthDate' },
                    { title: t('field.className'), dataIndex: 'className' },
                    { title: t('children.careType'), dataIndex: 'careType', render: (v: string) => t(`careType.${v}`) },
                    { title: t('children.startDate'), dataIndex: 'startDate' },
                    { title: t('children.endDate'), dataIndex: 'endDate' },
                  ]}
                />
              ),
            },
            {
              key: 'warnings',
              label: t('detail.warnings', { count: c.warnings.length }),
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Button icon={<ReloadOutlined />} onClick={() => void recheck()}>
                    {t('warnings.recheck')}
                  </Button>
                  <WarningsTable warnings={c.warnings} />
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal open={changing} title={t('change.ask')} onOk={() => void askChange().catch(() => {})} onCancel={() => setChanging(false)} okText={t('common:actions.submit')} cancelText={t('common:actions.cancel')}>
        <Typography.Paragraph type="secondary">{t('change.hint')}</Typography.Paragraph>
        <Form form={changeForm} onValuesChange={changeErrors.onValuesChange} layout="vertical" initialValues={{ address: c.address, operatorName: c.operatorName, ...Object.fromEntries(c.classes.map((k) => [`cap_${k.id}`, k.capacity])) }}>
          <Form.Item name="operatorName" label={t('field.operatorName')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="address" label={t('field.address')}>
            <Input maxLength={200} />
          </Form.Item>
          {c.classes.map((k) => (
            <Form.Item key={k.id} name={`cap_${k.id}`} label={`${k.name}（${t(`classType.${k.classType}`)}）${t('field.capacity')}`}>
              <InputNumber min={1} max={k.maxSize} />
            </Form.Item>
          ))}
          <Form.Item name="note" label={t('change.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

export function WarningsTable({ warnings, showCenter = false }: { warnings: WarningView[]; showCenter?: boolean }) {
  const { t } = useTranslation('childcare');
  return (
    <Table<WarningView>
      rowKey="id"
      size="small"
      dataSource={warnings}
      pagination={warnings.length > 20 ? { pageSize: 20 } : false}
      columns={[
        ...(showCenter
          ? [
              { title: t('field.name'), dataIndex: 'centerName', key: 'center', render: (v: string, r: WarningView) => <Link to={`/childcare/centers/${r.centerId}?tab=warnings`}>{v}</Link> },
              { title: t('field.unit'), dataIndex: 'unitName', key: 'unit' },
            ]
          : []),
        { title: t('warnings.kind'), dataIndex: 'kind', key: 'kind', render: (v: string) => <Tag color="red">{t(`warningKind.${v}`)}</Tag> },
        { title: t('field.className'), dataIndex: 'className', key: 'class' },
        { title: t('warnings.detail'), key: 'detail', render: (_: unknown, r: WarningView) => t('warning.detail', { actual: r.actual, limit: r.limit }) },
        { title: t('warnings.raisedAt'), dataIndex: 'raisedAt', key: 'at', render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) },
      ]}
    />
  );
}
