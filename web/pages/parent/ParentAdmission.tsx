import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Empty, Form, Input, Select, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api.ts';
import { useFeedback } from '../../components/feedback.tsx';
import { errorText, useFormErrors, rules } from '../../components/formErrors.ts';
import type { ApplicationView, ProgramView, RoundView } from '../../../src/modules/admission/contract.ts';
import { CARE_TYPES, CLASS_TYPES } from '../../../src/modules/childcare/vocabulary.ts';
import { ApplicationStatusTag, ChoiceList } from '../admission/explain.tsx';
import { useOwnChildren } from './ownChildren.ts';


function ApplyForm({ round, onDone }: { round: RoundView; onDone: () => void }) {
  const { t } = useTranslation(['admission', 'common', 'parent']);
  const [form] = Form.useForm();
  const { error, setError, onError, onValuesChange } = useFormErrors(form);
  const [busy, setBusy] = useState(false);
  const children = useOwnChildren();
  const programs = useQuery({ queryKey: ['admission-programs', round.id], queryFn: () => api.get<ProgramView[]>(`/admission/rounds/${round.id}/programs`) });
  const classType = Form.useWatch('classType', form) as string | undefined;
  const options = (programs.data ?? []).filter((p) => p.classType === classType).map((p) => ({ value: p.id, label: `${p.centerName} · ${t(`classType.${p.classType}`)} · ${t('round.placesCount', { count: p.places })}` }));
  const submit = async (v: { personId: string; classType: string; careType: string; startDate: string; choices: string[]; affordableEligible?: boolean; employer?: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/admission/applications', { ...v, roundId: round.id, affordableEligible: !!v.affordableEligible, employer: v.employer || undefined });
      form.resetFields();
      onDone();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} onValuesChange={onValuesChange} layout="vertical" onFinish={submit} initialValues={{ careType: 'fullDay', startDate: round.earliestStart }}>
      <Form.Item name="personId" label={t('app.child')} rules={[rules.choose()]}>
        <Select options={(children.data ?? []).map((c) => ({ value: c.id, label: c.name }))} data-testid="apply-child" />
      </Form.Item>
      <Form.Item name="classType" label={t('app.classType')} rules={[rules.choose()]}>
        <Select options={CLASS_TYPES.map((c) => ({ value: c, label: t(`classType.${c}`) }))} data-testid="apply-class-type" />
      </Form.Item>
      <Form.Item name="careType" label={t('app.careType')}>
        <Select options={CARE_TYPES.map((c) => ({ value: c, label: t(`careType.${c}`) }))} />
      </Form.Item>
      <Form.Item name="startDate" label={t('app.startDate')} rules={[rules.required()]}>
        <Input type="date" min={round.earliestStart} />
      </Form.Item>
      <Form.Item name="choices" label={t('app.choices')} rules={[rules.choose()]} extra="1–5">
        <Select mode="multiple" maxCount={5} options={options} data-testid="apply-choices" />
      </Form.Item>
      <Form.Item name="affordableEligible" valuePropName="checked">
        <Checkbox>{t('rule.affordableEligible')}</Checkbox>
      </Form.Item>
      <Form.Item name="employer" label={t('rule.employerId')}>
        <Input maxLength={18} />
      </Form.Item>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={busy} block data-testid="apply-submit">
        {t('common:actions.submit')}
      </Button>
    </Form>
  );
}

/** 入托 in the parent's app: apply in an open round and follow the applications with their explanations. */
export function ParentAdmission() {
  const { t, i18n } = useTranslation(['admission', 'parent', 'common']);
  const colon = i18n.language === 'en-US' ? ': ' : '：';
  const feedback = useFeedback();
  const qc = useQueryClient();
  const [applying, setApplying] = useState(false);
  const rounds = useQuery({ queryKey: ['admission-rounds'], queryFn: () => api.get<RoundView[]>('/admission/rounds') });
  const mine = useQuery({ queryKey: ['my-applications'], queryFn: () => api.get<ApplicationView[]>('/admission/my-applications') });
  const open = rounds.data?.find((r) => r.status === 'open');
  // Withdrawing and declining cannot be undone: both ask first, naming the child.
  const act = async (a: ApplicationView, action: 'accept' | 'decline' | 'withdraw') => {
    if (action !== 'accept' && !(await feedback.confirm({ title: t(`app.${action}Confirm`, { name: a.childName }), okText: t(`app.${action}`), danger: true }))) return;
    try {
      await api.post(`/admission/applications/${a.id}/${action}`);
      feedback.done(t(`app.${action}Done`, { name: a.childName }));
      void qc.invalidateQueries({ queryKey: ['my-applications'] });
    } catch (e) {
      feedback.failed(e);
    }
  };
  if (rounds.isLoading || mine.isLoading) return <Spin />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Typography.Title level={5} style={{ margin: '4px 0' }}>
        {t('parent:nav.admission')}
      </Typography.Title>
      {open && (
        <Card size="small" title={open.name} extra={!applying && <Button type="primary" size="small" onClick={() => setApplying(true)} data-testid="apply-open">{t('apply')}</Button>}>
          <Typography.Text type="secondary">
            {t('round.window')}{colon}{open.applyFrom} ~ {open.applyTo} · {t('round.earliestStart')}{colon}{open.earliestStart}
          </Typography.Text>
          {applying && (
            <div style={{ marginTop: 12 }}>
              <ApplyForm
                round={open}
                onDone={() => {
                  setApplying(false);
                  void qc.invalidateQueries({ queryKey: ['my-applications'] });
                }}
              />
            </div>
          )}
        </Card>
      )}
      {(mine.data ?? []).length === 0 && !open && <Empty />}
      {(mine.data ?? []).map((a) => (
        <Card key={a.id} size="small" title={`${a.childName} · ${a.roundName}`} extra={<ApplicationStatusTag status={a.status} />} data-testid="my-application">
          <Typography.Paragraph style={{ marginBottom: 6 }}>
            {t(`classType.${a.classType}`)} · {t(`careType.${a.careType}`)} · {t('app.startDate')} {a.startDate}
          </Typography.Paragraph>
          {a.status === 'offered' && a.offer && (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 8 }}
              message={`${t('app.offer')}${colon}${a.offer.centerName}`}
              description={`${t('app.deadline')}${colon}${a.offer.deadline}`}
              action={
                <Space direction="vertical">
                  <Button type="primary" size="small" onClick={() => void act(a, 'accept')} data-testid="accept-offer">
                    {t('common:actions.confirm')}
                  </Button>
                  <Button size="small" danger onClick={() => void act(a, 'decline')} data-testid="decline-offer">
                    {t('app.decline')}
                  </Button>
                </Space>
              }
            />
          )}
          <ChoiceList app={a} />
          {(a.status === 'submitted' || a.status === 'waitlisted') && (
            <Button size="small" style={{ marginTop: 8 }} onClick={() => void act(a, 'withdraw')} data-testid="withdraw-application">
              {t('app.withdraw')}
            </Button>
          )}
        </Card>
      ))}
    </Space>
  );
}
