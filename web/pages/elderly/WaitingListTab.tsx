import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, qs, type Paged } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { applyApiError } from '../../components/formErrors.ts';
import { useUrlState } from '../../components/useUrlState.ts';
import type { InstitutionView, ProfileListItem, WaitingEntry, WaitingList } from '../../../src/modules/elderly/contract.ts';
import { LevelTag, todayShanghai } from './shared.tsx';

/** One reason of a position, in words: groups, clauses and levels translated, never codes. */
function useWhyText() {
  const { t } = useTranslation('elderly');
  return (w: WaitingEntry['why'][number]) => {
    const p = { ...(w.params ?? {}) } as Record<string, string | number>;
    if (w.key === 'clause.economicStatus') p.value = t(`economicStatus.${p.value}`);
    if (w.key === 'clause.flag') p.value = t(`flags.${p.value}`);
    if (w.key === 'clause.abilityAtLeast') p.value = t(`level.${p.value}`);
    if (w.key === 'ability') p.level = t(`level.${p.level}`);
    return t(`waitWhy.${w.key}`, p);
  };
}

/** A public home's waiting list (入住轮候) in the order of the published rules, each position with why. */
export function WaitingListTab() {
  const { t } = useTranslation(['elderly', 'common']);
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const whyText = useWhyText();
  const [form] = Form.useForm();
  const [applying, setApplying] = useState(false);
  const [search, setSearch] = useState('');
  const [state, update] = useUrlState({ home: undefined } as Record<string, string | undefined>);
  const homes = useQuery({ queryKey: ['elderly-institutions'], queryFn: () => api.get<InstitutionView[]>('/elderly/institutions') });
  const publicHomes = (homes.data ?? []).filter((h) => h.publicHome);
  const homeId = state.home ?? publicHomes[0]?.id;
  const list = useQuery({ queryKey: ['elderly-waiting', homeId], enabled: Boolean(homeId), queryFn: () => api.get<WaitingList>(`/elderly/institutions/${homeId}/waiting-list`) });
  const people = useQuery({ queryKey: ['elderly-people-search', search], enabled: applying && search.length > 0, queryFn: () => api.get<Paged<ProfileListItem>>(`/elderly/profiles${qs({ q: search, pageSize: 20 })}`) });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['elderly-waiting'] });
    void qc.invalidateQueries({ queryKey: ['elderly-institutions'] });
  };
  const apply = useMutation({
    mutationFn: (v: { personId: string; appliedOn: string }) => api.post<WaitingList>(`/elderly/institutions/${homeId}/waiting-list`, v),
    onSuccess: (_, v) => {
      message.success(t('waiting.applied', { name: people.data?.items.find((p) => p.personId === v.personId)?.name ?? '' }));
      setApplying(false);
      refresh();
    },
    onError: (e) => {
      const rest = applyApiError(form, e).text;
      if (rest) message.error(rest);
    },
  });
  const decide = useMutation({
    mutationFn: ({ e, action }: { e: WaitingEntry; action: 'admit' | 'withdraw' }) => api.post<WaitingList>(`/elderly/waiting-list/${e.id}/decision`, { action, on: todayShanghai() }),
    onSuccess: (_, { e, action }) => {
      message.success(t(action === 'admit' ? 'waiting.admitted' : 'waiting.withdrawn', { name: e.personName }));
      refresh();
    },
    onError: (e) => message.error(e instanceof Error ? [e.message, ...((e as { fields?: { message: string }[] }).fields ?? []).map((f) => f.message)].join(' ') : String(e)),
  });
  const confirm = (e: WaitingEntry, action: 'admit' | 'withdraw') =>
    modal.confirm({ title: t(action === 'admit' ? 'waiting.confirmAdmit' : 'waiting.confirmWithdraw', { name: e.personName, home: list.data?.institutionName ?? '' }), onOk: () => decide.mutateAsync({ e, action }).catch(() => undefined) });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap>
        <Select showSearch optionFilterProp="label" style={{ width: 320 }} placeholder={t('waiting.choose')} value={homeId} onChange={(home) => update({ home })} options={publicHomes.map((h) => ({ value: h.id, label: `${h.name}（${h.unitName}）` }))} data-testid="home-select" />
        {can('elderly.write') && homeId && <Button type="primary" onClick={() => setApplying(true)}>{t('waiting.apply')}</Button>}
      </Space>
      {list.data && <Alert type="info" showIcon message={t('waiting.rulesTitle', { title: list.data.rulesTitle })} description={t('waiting.rulesSummary')} />}
      <Table<WaitingEntry>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.entries ?? []}
        pagination={false}
        locale={{ emptyText: t('waiting.empty') }}
        columns={[
          { title: t('field.position'), width: 90, render: (_, e) => (e.outsideQueue ? <Tag color="gold">{t('waiting.outside')}</Tag> : <Typography.Text strong data-testid="position">{e.position}</Typography.Text>) },
          { title: t('field.name'), dataIndex: 'personName' },
          { title: t('field.age'), dataIndex: 'age', width: 60 },
          { title: t('field.group'), dataIndex: 'group', render: (v: string) => t(`waiting.group.${v}`) },
          { title: t('field.abilityLevel'), dataIndex: 'abilityLevel', render: (v: string | null) => <LevelTag level={v} /> },
          { title: t('field.appliedOn'), dataIndex: 'appliedOn' },
          { title: t('field.why'), render: (_, e) => <span data-testid="why">{e.why.map(whyText).join(t('sep.list'))}</span> },
          ...(can('elderly.institutions')
            ? [{ title: t('field.action'), render: (_: unknown, e: WaitingEntry) => <Space size={4}><Button size="small" type="primary" onClick={() => confirm(e, 'admit')}>{t('waiting.admit')}</Button><Button size="small" onClick={() => confirm(e, 'withdraw')}>{t('waiting.withdraw')}</Button></Space> }]
            : []),
        ]}
      />
      <Modal open={applying} title={t('waiting.apply')} onCancel={() => setApplying(false)} onOk={() => form.submit()} confirmLoading={apply.isPending} destroyOnHidden>
        <Form form={form} name="elderly-apply" layout="vertical" initialValues={{ appliedOn: todayShanghai() }} onFinish={(v) => apply.mutate(v)}>
          <Form.Item name="personId" label={t('waiting.person')} rules={[{ required: true }]} extra={t('waiting.personHint')}>
            <Select showSearch filterOption={false} onSearch={setSearch} loading={people.isFetching} options={(people.data?.items ?? []).map((p) => ({ value: p.personId, label: `${p.name}（${p.age}，${p.unitName}）` }))} />
          </Form.Item>
          <Form.Item name="appliedOn" label={t('field.appliedOn')} rules={[{ required: true }]}>
            <Input type="date" max={todayShanghai()} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
