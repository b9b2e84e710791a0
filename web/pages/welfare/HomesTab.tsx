import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { z } from 'zod';
import { api, qs } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { applyApiError } from '../../components/formErrors.ts';
import { useUrlState } from '../../components/useUrlState.ts';
import type { homeDetail, homeTargetsView, HomeView } from '../../../src/modules/welfare/contract.ts';
import { isoDay } from './shared.tsx';

type HomeDetail = z.infer<typeof homeDetail>;
type Targets = z.infer<typeof homeTargetsView>;

/** Children's homes: basic and demonstration, the "1+N" link, activities, the plan's targets. */
export function HomesTab() {
  const { t } = useTranslation(['welfare', 'common']);
  const { can } = useAuth();
  const [state, update] = useUrlState({ unitCode: undefined, kind: undefined } as Record<string, string | undefined>);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const homes = useQuery({ queryKey: ['welfare-homes', state], queryFn: () => api.get<HomeView[]>(`/welfare/homes${qs(state)}`) });
  const targets = useQuery({ queryKey: ['welfare-home-targets', state.unitCode], queryFn: () => api.get<Targets>(`/welfare/homes/targets${qs({ unitCode: state.unitCode })}`) });
  const tg = targets.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      {tg && (
        <Alert
          type={tg.shareMet && tg.townshipsMissing.length === 0 ? 'success' : 'warning'}
          showIcon
          message={t('homes.targets', { share: tg.share === null ? '—' : `${(tg.share * 100).toFixed(1)}%`, with: tg.townshipsWithDemonstration, townships: tg.townships, unlinked: tg.unlinked })}
          description={
            <Space direction="vertical" size={0}>
              {tg.townshipsMissing.length > 0 && <span>{t('homes.missing', { list: tg.townshipsMissing.slice(0, 20).map((m) => m.unitName).join('、') + (tg.townshipsMissing.length > 20 ? '……' : '') })}</span>}
              <Typography.Text type="secondary">{t('homes.targetsSource')}</Typography.Text>
            </Space>
          }
        />
      )}
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Form layout="inline">
          <Form.Item label={t('common:unit')}>
            <UnitPicker value={state.unitCode} onChange={(unitCode) => update({ unitCode })} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item label={t('field.category')}>
            <Select allowClear style={{ width: 110 }} value={state.kind} onChange={(kind) => update({ kind })} options={['basic', 'demonstration'].map((k) => ({ value: k, label: t(`homes.kind.${k}`) }))} />
          </Form.Item>
        </Form>
        {can('welfare.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('homes.add')}
          </Button>
        )}
      </Space>
      <Table<HomeView>
        rowKey="id"
        size="middle"
        loading={homes.isLoading}
        dataSource={homes.data ?? []}
        locale={{ emptyText: t('homes.empty') }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('homes.name'), dataIndex: 'name', key: 'name', render: (v: string) => <a>{v}</a> },
          { title: t('field.category'), dataIndex: 'kind', key: 'kind', render: (v: string) => <Tag color={v === 'demonstration' ? 'gold' : undefined}>{t(`homes.kind.${v}`)}</Tag> },
          { title: t('homes.township'), dataIndex: 'townshipName', key: 'township' },
          { title: t('field.unit'), dataIndex: 'unitName', key: 'unit' },
          { title: t('homes.hub'), dataIndex: 'hubName', key: 'hub' },
          { title: t('homes.linked'), dataIndex: 'linked', key: 'linked', align: 'right', render: (v: number, r) => (r.kind === 'demonstration' ? `1+${v}` : '') },
          { title: t('homes.activities'), dataIndex: 'activities', key: 'activities', align: 'right' },
          { title: t('homes.openedOn'), dataIndex: 'openedOn', key: 'opened' },
        ]}
      />
      {adding && <AddHomeModal hubs={(homes.data ?? []).filter((h) => h.kind === 'demonstration')} onClose={() => setAdding(false)} />}
      <HomeDrawer id={open} hubs={(homes.data ?? []).filter((h) => h.kind === 'demonstration')} onClose={() => setOpen(null)} />
    </Space>
  );
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['welfare-homes'] });
    void qc.invalidateQueries({ queryKey: ['welfare-home-targets'] });
    void qc.invalidateQueries({ queryKey: ['welfare-home'] });
  };
}

function AddHomeModal({ hubs, onClose }: { hubs: HomeView[]; onClose: () => void }) {
  const { t } = useTranslation(['welfare', 'common']);
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as string | undefined;
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post<HomeDetail>('/welfare/homes', v),
    onSuccess: (h) => {
      message.success(t('homes.added', { name: h.name }));
      invalidate();
      onClose();
    },
    onError: (e) => {
      const rest = applyApiError(form, e).text;
      if (rest) message.error(rest);
    },
  });
  return (
    <Modal open onCancel={onClose} title={t('homes.add')} onOk={() => form.submit()} okButtonProps={{ loading: save.isPending }} okText={t('common:actions.save')}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'basic', openedOn: dayjs() }} onFinish={(v) => save.mutate({ ...v, hubId: v.hubId ?? null, openedOn: isoDay(v.openedOn) })}>
        <Form.Item name="unitCode" label={t('common:unit')} rules={[{ required: true }]}>
          <UnitPicker minLevel={3} />
        </Form.Item>
        <Form.Item name="name" label={t('homes.name')} rules={[{ required: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="kind" label={t('field.category')} rules={[{ required: true }]}>
          <Select options={['basic', 'demonstration'].map((k) => ({ value: k, label: t(`homes.kind.${k}`) }))} />
        </Form.Item>
        {kind === 'basic' && (
          <Form.Item name="hubId" label={t('homes.hub')}>
            <Select allowClear options={hubs.map((h) => ({ value: h.id, label: `${h.name}（${h.townshipName}）` }))} />
          </Form.Item>
        )}
        <Form.Item name="address" label={t('homes.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="openedOn" label={t('homes.openedOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function HomeDrawer({ id, hubs, onClose }: { id: string | null; hubs: HomeView[]; onClose: () => void }) {
  const { t } = useTranslation(['welfare', 'common']);
  const { can } = useAuth();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const [form] = Form.useForm();
  const [hub, setHub] = useState<string | null>(null);
  const home = useQuery({ queryKey: ['welfare-home', id], queryFn: () => api.get<HomeDetail>(`/welfare/homes/${id}`), enabled: !!id });
  const activity = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post<HomeDetail>(`/welfare/homes/${id}/activities`, v),
    onSuccess: () => {
      message.success(t('homes.activitySaved'));
      form.resetFields();
      invalidate();
    },
    onError: (e) => {
      const rest = applyApiError(form, e).text;
      if (rest) message.error(rest);
    },
  });
  const link = useMutation({
    mutationFn: (hubId: string | null) => api.put<HomeDetail>(`/welfare/homes/${id}/hub`, { hubId }),
    onSuccess: (h) => {
      message.success(h.hubName ? t('homes.linkSaved', { name: h.hubName }) : t('homes.unlinked'));
      invalidate();
    },
    onError: (e) => message.error((e as Error).message),
  });
  const h = home.data;
  const write = can('welfare.write');
  return (
    <Drawer open={!!id} onClose={onClose} width={720} title={h ? `${h.name} · ${t(`homes.kind.${h.kind}`)}` : ''} destroyOnHidden>
      {h && (
        <Space direction="vertical" style={{ width: '100%' }} size={16}>
          <Typography.Text>
            {h.townshipName} {h.unitName} {h.address ?? ''}
          </Typography.Text>
          {h.kind === 'demonstration' ? (
            <Typography.Text>
              {t('homes.linked')}（1+{h.linked}）：{h.linkedHomes.map((l) => l.name).join('、')}
            </Typography.Text>
          ) : (
            <Space>
              <Typography.Text>{t('homes.hub')}：{h.hubName ?? '—'}</Typography.Text>
              {write && (
                <>
                  <Select style={{ width: 240 }} allowClear value={hub ?? undefined} onChange={(v) => setHub(v ?? null)} options={hubs.filter((x) => x.unitCode.slice(0, 6) === h.unitCode.slice(0, 6)).map((x) => ({ value: x.id, label: `${x.name}（${x.townshipName}）` }))} />
                  <Button disabled={!hub} loading={link.isPending} onClick={() => link.mutate(hub)}>
                    {t('homes.link')}
                  </Button>
                  {h.hubId && (
                    <Popconfirm title={t('homes.unlinkConfirm', { name: h.name })} onConfirm={() => link.mutate(null)}>
                      <Button danger>{t('homes.unlink')}</Button>
                    </Popconfirm>
                  )}
                </>
              )}
            </Space>
          )}
          {write && (
            <Form form={form} layout="inline" initialValues={{ heldOn: dayjs(), participants: 10 }} onFinish={(v) => activity.mutate({ ...v, heldOn: isoDay(v.heldOn) })}>
              <Form.Item name="heldOn" rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="title" rules={[{ required: true }]}>
                <Input placeholder={t('homes.activityTitle')} style={{ width: 200 }} maxLength={100} />
              </Form.Item>
              <Form.Item name="participants" label={t('homes.participants')} rules={[{ required: true }]}>
                <InputNumber min={0} max={10000} />
              </Form.Item>
              <Form.Item>
                <Button htmlType="submit" loading={activity.isPending}>
                  {t('homes.addActivity')}
                </Button>
              </Form.Item>
            </Form>
          )}
          <Table
            rowKey="id"
            size="small"
            dataSource={h.activityList}
            locale={{ emptyText: t('homes.noActivities') }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('homes.heldOn'), dataIndex: 'heldOn', key: 'on' },
              { title: t('homes.activityTitle'), dataIndex: 'title', key: 'title' },
              { title: t('homes.participants'), dataIndex: 'participants', key: 'n', align: 'right' },
              { title: t('field.confirmedBy'), dataIndex: 'createdByName', key: 'by' },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}
