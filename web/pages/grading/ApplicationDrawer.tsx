import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Input, InputNumber, Popconfirm, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api.ts';
import { errorText } from '../../components/formErrors.ts';
import { useAuth } from '../../auth.tsx';
import type { ApplicationView } from '../../../src/modules/grading/contract.ts';
import { useStandard, type Locale } from './StandardTab.tsx';
import { LevelTag, StatusTag } from './labels.tsx';

export type Eligibility = NonNullable<ApplicationView['eligibility']>;

/** Every failed condition of the eligibility check, in words. */
export function EligibilityList({ check }: { check: Eligibility }) {
  const { t } = useTranslation('grading');
  return (
    <Alert
      type="error"
      showIcon
      message={t('eligibility.notEligible')}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {check.failures.map((f) => (
            <li key={f.condition}>
              {t(`errors:field.grading.eligibility.${f.condition === 'operatingSixMonths' && !f.params?.openedOn ? 'notOpened' : f.condition}`, f.params ?? {})}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** An application: the self-assessment (operator, draft), the on-site assessment (county/city), the result and publication. */
export function ApplicationDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation(['grading', 'errors', 'common']);
  const lng = (i18n.language === 'en-US' ? 'en-US' : 'zh-CN') as Locale;
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const standard = useStandard().data;
  const app = useQuery({ queryKey: ['grading-application', id], queryFn: () => api.get<ApplicationView>(`/grading/applications/${id}`), enabled: !!id });
  const a = app.data;
  const [scores, setScores] = useState<Record<string, number | null>>({});
  const [onsiteOn, setOnsiteOn] = useState<string | null>(null);
  const [assessors, setAssessors] = useState('');
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const selfMode = !!a && a.status === 'draft' && can('grading.apply');
  const assessMode = !!a && a.status === 'submitted' && can('grading.assess');
  useEffect(() => {
    setRefusal(null);
    setScores(a ? (assessMode ? {} : { ...a.selfScores }) : {});
  }, [a?.id, a?.status]);
  const done = (next: ApplicationView) => {
    qc.setQueryData(['grading-application', id], next);
    void qc.invalidateQueries({ queryKey: ['grading-applications'] });
    void qc.invalidateQueries({ queryKey: ['grading-grades'] });
  };
  const act = useMutation({
    mutationFn: async (step: 'save' | 'submit' | 'assess' | 'publish' | 'withdraw') => {
      const clean = Object.fromEntries(Object.entries(scores).filter(([, v]) => v !== null && v !== undefined)) as Record<string, number>;
      if (step === 'save') return api.put<ApplicationView>(`/grading/applications/${id}/self-assessment`, { scores: clean });
      if (step === 'submit') {
        await api.put<ApplicationView>(`/grading/applications/${id}/self-assessment`, { scores: clean });
        return api.post<ApplicationView>(`/grading/applications/${id}/submit`);
      }
      if (step === 'assess') return api.post<ApplicationView>(`/grading/applications/${id}/assessment`, { onsiteOn, assessors, scores: clean });
      return api.post<ApplicationView>(`/grading/applications/${id}/${step}`);
    },
    onSuccess: (next, step) => {
      void message.success(t(step === 'save' ? 'common:feedback.saved' : step === 'withdraw' ? 'common:feedback.withdrawn' : step === 'submit' ? 'common:feedback.submitted' : 'common:feedback.recorded'));
      done(next);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.some((f) => f.field.startsWith('eligibility.'))) setRefusal(e);
      else message.error(errorText(e));
    },
  });
  const rows = standard ? standard.dimensions.flatMap((d) => d.items.map((i) => ({ ...i, dimension: d.name[lng] }))) : [];
  const editable = selfMode || assessMode;
  const total = Object.values(scores).reduce<number>((s, v) => s + (v ?? 0), 0);
  return (
    <Drawer open={!!id} onClose={onClose} width={900} title={a ? `${a.centerName} · ${t(`level.${a.level}`)}` : ''} destroyOnHidden>
      {a && (
        <Space direction="vertical" style={{ width: '100%' }} size={16}>
          <Descriptions size="small" bordered column={3}>
            <Descriptions.Item label={t('field.status')}>
              <StatusTag status={a.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('field.levelApplied')}>
              <LevelTag level={a.level} />
            </Descriptions.Item>
            <Descriptions.Item label={t('field.unit')}>{a.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('field.selfTotal')}>{a.selfTotal ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('field.onsiteTotal')}>{a.onsiteTotal ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('field.result')}>{a.status === 'assessed' || a.status === 'published' ? <LevelTag level={a.resultLevel} /> : '—'}</Descriptions.Item>
            {a.onsiteOn && <Descriptions.Item label={t('field.onsiteOn')}>{a.onsiteOn}</Descriptions.Item>}
            {a.assessors && <Descriptions.Item label={t('field.assessors')}>{a.assessors}</Descriptions.Item>}
            {a.publishedAt && <Descriptions.Item label={t('field.publishedAt')}>{a.publishedAt.slice(0, 10)}</Descriptions.Item>}
          </Descriptions>
          {a.resultReasons && <Alert type={a.resultLevel ? 'success' : 'warning'} message={a.resultReasons.map((r) => t(r.key.replace(/^grading\./, ''), r.params ?? {})).join('；')} />}
          {refusal && (
            <Alert type="error" data-testid="eligibility-refusal" message={refusal.message} description={<ul style={{ margin: 0, paddingLeft: 18 }}>{refusal.fields.map((f) => <li key={f.field}>{f.message}</li>)}</ul>} />
          )}
          <Space wrap>
            {selfMode && (
              <>
                <Button onClick={() => act.mutate('save')} loading={act.isPending}>
                  {t('action.saveSelf')}
                </Button>
                <Button type="primary" onClick={() => act.mutate('submit')} loading={act.isPending} data-testid="submit-application">
                  {t('action.submit')}
                </Button>
              </>
            )}
            {assessMode && (
              <>
                <DatePicker placeholder={t('field.onsiteOn')} onChange={(d) => setOnsiteOn(d ? d.format('YYYY-MM-DD') : null)} />
                <Input placeholder={t('field.assessors')} style={{ width: 220 }} value={assessors} onChange={(e) => setAssessors(e.target.value)} />
                <Button type="primary" disabled={!onsiteOn || !assessors.trim()} onClick={() => act.mutate('assess')} loading={act.isPending}>
                  {t('action.assess')}
                </Button>
              </>
            )}
            {a.status === 'assessed' && can('grading.assess') && (
              <Popconfirm title={t('action.publish')} onConfirm={() => act.mutate('publish')}>
                <Button type="primary">{t('action.publish')}</Button>
              </Popconfirm>
            )}
            {(a.status === 'draft' || a.status === 'submitted') && can('grading.apply') && (
              <Popconfirm title={t('action.withdraw')} onConfirm={() => act.mutate('withdraw')}>
                <Button danger>{t('action.withdraw')}</Button>
              </Popconfirm>
            )}
            {editable && <Tag color="blue">Σ {total}</Tag>}
          </Space>
          <Table
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={rows}
            columns={[
              { title: t('field.item'), dataIndex: 'dimension', key: 'dimension', width: 110 },
              { title: t('field.item'), key: 'name', render: (_, r) => (<>{r.name[lng]} {r.veto && <Tag color="red">{t('standard.veto')}</Tag>}</>) },
              { title: t('field.max'), dataIndex: 'max', key: 'max', align: 'right', width: 60 },
              { title: t('field.selfScore'), key: 'self', align: 'right', width: 100, render: (_, r) => (selfMode ? <InputNumber size="small" min={0} max={r.max} precision={0} value={scores[r.code] ?? null} onChange={(v) => setScores((s) => ({ ...s, [r.code]: v }))} /> : (a.selfScores[r.code] ?? '')) },
              { title: t('field.onsiteScore'), key: 'onsite', align: 'right', width: 100, render: (_, r) => (assessMode ? <InputNumber size="small" min={0} max={r.max} precision={0} value={scores[r.code] ?? null} onChange={(v) => setScores((s) => ({ ...s, [r.code]: v }))} /> : (a.onsiteScores?.[r.code] ?? '')) },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}
