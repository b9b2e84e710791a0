import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Col, Divider, Form, Input, InputNumber, Modal, Row, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { applyApiError } from '../../components/formErrors.ts';
import type { AssessmentView, DementiaCaseView, HealthView, ProfileDetail } from '../../../src/modules/elderly/contract.ts';
import { todayShanghai } from './shared.tsx';

interface Standard {
  dimensions: { code: string; items: { code: string; max: number }[] }[];
}

interface FormProps {
  person: ProfileDetail;
  open: boolean;
  onClose: () => void;
}

function useRefresh(personId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['elderly-profile', personId] });
    void qc.invalidateQueries({ queryKey: ['elderly-profiles'] });
    void qc.invalidateQueries({ queryKey: ['elderly-dementia'] });
  };
}

/** The profile's fields (精准画像). */
export function ProfileForm({ person, open, onClose }: FormProps) {
  const { t } = useTranslation(['elderly', 'common']);
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const refresh = useRefresh(person.personId);
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.put<ProfileDetail>(`/elderly/profiles/${person.personId}`, v),
    onSuccess: () => {
      message.success(t('profile.saved', { name: person.name }));
      refresh();
      onClose();
    },
    onError: (e) => {
      const rest = applyApiError(form, e).text;
      if (rest) message.error(rest);
    },
  });
  const options = (group: string, values: string[]) => values.map((v) => ({ value: v, label: t(`${group}.${v}`) }));
  return (
    <Modal open={open} title={person.profile ? t('profile.edit') : t('profile.create')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('common:actions.save')} destroyOnHidden>
      <Form form={form} name="elderly-profile" layout="vertical" initialValues={person.profile ?? { household: 'localUrban', livingArrangement: 'withFamily', economicStatus: 'ordinary', healthStatus: 'good', careMode: 'home', flags: [] }} onFinish={(v) => save.mutate({ ...v, note: v.note || undefined })}>
        <Form.Item name="household" label={t('field.household')} rules={[{ required: true }]}>
          <Select options={options('household', ['localUrban', 'localRural', 'nonLocal'])} />
        </Form.Item>
        <Form.Item name="livingArrangement" label={t('field.livingArrangement')} rules={[{ required: true }]}>
          <Select options={options('livingArrangement', ['alone', 'emptyNest', 'leftBehind', 'withFamily', 'institution'])} />
        </Form.Item>
        <Form.Item name="economicStatus" label={t('field.economicStatus')} rules={[{ required: true }]}>
          <Select options={options('economicStatus', ['ordinary', 'lowIncome', 'lowIncomeEdge', 'destitute', 'specialDifficulty'])} />
        </Form.Item>
        <Form.Item name="healthStatus" label={t('field.healthStatus')} rules={[{ required: true }]}>
          <Select options={options('healthStatus', ['good', 'fair', 'chronic', 'poor'])} />
        </Form.Item>
        <Form.Item name="careMode" label={t('field.careMode')} rules={[{ required: true }]}>
          <Select options={options('careMode', ['home', 'community', 'institution'])} />
        </Form.Item>
        <Form.Item name="flags" label={t('field.flags')}>
          <Checkbox.Group options={options('flags', ['familyPlanningSpecial', 'meritService', 'disabled'])} />
        </Form.Item>
        <Form.Item name="note" label={t('field.note')}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** An ability assessment of GB/T 42195-2022: 26 items by dimension, the level changes, a confirmation naming the person. */
export function AssessmentForm({ person, open, onClose }: FormProps) {
  const { t } = useTranslation(['elderly', 'common']);
  const { message, modal } = App.useApp();
  const [form] = Form.useForm();
  const refresh = useRefresh(person.personId);
  const standard = useQuery({ queryKey: ['elderly-standard'], queryFn: () => api.get<Standard>('/elderly/ability-standard') });
  const items = standard.data?.dimensions.flatMap((d) => d.items) ?? [];
  const save = useMutation({
    mutationFn: (body: unknown) => api.post<AssessmentView>(`/elderly/profiles/${person.personId}/assessments`, body),
    onSuccess: (a) => {
      message.success(t('assessment.saved', { name: person.name, total: a.total, level: t(`level.${a.level}`) }));
      refresh();
      onClose();
    },
    onError: (e) => {
      const rest = applyApiError(form, e).text;
      if (rest) message.error(rest);
    },
  });
  const submit = (v: Record<string, unknown>) => {
    const scores = Object.fromEntries(items.filter((i) => v[`scores.${i.code}`] !== undefined && v[`scores.${i.code}`] !== null).map((i) => [i.code, v[`scores.${i.code}`] as number]));
    const body = { assessedOn: v.assessedOn, reason: v.reason, scores, coma: Boolean(v.coma), dementiaOrPsychiatric: Boolean(v.dementiaOrPsychiatric), riskEvents: v.riskEvents ?? 0 };
    modal.confirm({ title: t('assessment.confirm', { name: person.name }), onOk: () => save.mutateAsync(body).catch(() => undefined) });
  };
  return (
    <Modal open={open} width={860} title={`${t('assessment.add')} · ${person.name}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('common:actions.submit')} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('assessment.standard')}</Typography.Paragraph>
      <Form form={form} name="elderly-assessment" layout="vertical" initialValues={{ assessedOn: todayShanghai(), reason: person.assessments.length ? 'regular' : 'first', riskEvents: 0 }} onFinish={submit}>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="assessedOn" label={t('field.assessedOn')} rules={[{ required: true }]}>
              <Input type="date" max={todayShanghai()} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="reason" label={t('field.reason')} rules={[{ required: true }]}>
              <Select options={['first', 'regular', 'changed', 'review'].map((v) => ({ value: v, label: t(`reason.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="riskEvents" label={t('field.riskEvents')}>
              <InputNumber min={0} max={99} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="coma" label={t('field.coma')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="dementiaOrPsychiatric" label={t('field.dementiaOrPsychiatric')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        {standard.data?.dimensions.map((d) => (
          <div key={d.code}>
            <Divider titlePlacement="start" style={{ margin: '4px 0 8px' }}>
              {t(`dimension.${d.code}`)}
            </Divider>
            <Row gutter={12}>
              {d.items.map((i) => (
                <Col span={6} key={i.code}>
                  <Form.Item name={`scores.${i.code}`} label={t('assessment.itemLabel', { item: t(`item.${i.code}`), max: i.max })}>
                    <InputNumber min={0} max={i.max} precision={0} style={{ width: '100%' }} data-testid={`score-${i.code}`} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </div>
        ))}
      </Form>
    </Modal>
  );
}

const TCM = ['balanced', 'qiDeficiency', 'yangDeficiency', 'yinDeficiency', 'phlegmDampness', 'dampHeat', 'bloodStasis', 'qiStagnation', 'specialDiathesis'];

/** The annual health assessment of a resident 65+: lifestyle, examination, TCM constitution, self-care. */
export function HealthForm({ person, open, onClose }: FormProps) {
  const { t } = useTranslation(['elderly', 'common']);
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const refresh = useRefresh(person.personId);
  const save = useMutation({
    mutationFn: (body: unknown) => api.post<HealthView>(`/elderly/profiles/${person.personId}/health-assessments`, body),
    onSuccess: (h) => {
      message.success(t('health.saved', { name: person.name, year: h.year }));
      refresh();
      onClose();
    },
    onError: (e) => {
      const rest = applyApiError(form, e).text;
      if (rest) message.error(rest);
    },
  });
  const yesNo = [{ value: true, label: t('health.yes') }, { value: false, label: t('health.no') }];
  return (
    <Modal open={open} width={640} title={`${t('health.add')} · ${person.name}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('common:actions.save')} destroyOnHidden>
      <Form form={form} name="elderly-health" layout="vertical" initialValues={{ assessedOn: todayShanghai(), smoking: false, drinking: false, exercise: 'weekly', tcmConstitution: 'balanced', selfCare: 'independent' }} onFinish={(v) => save.mutate({ ...v, fastingGlucose: v.fastingGlucose ?? null })}>
        <Row gutter={12}>
          <Col span={8}><Form.Item name="assessedOn" label={t('field.assessedOn')} rules={[{ required: true }]}><Input type="date" max={todayShanghai()} /></Form.Item></Col>
          <Col span={8}><Form.Item name="smoking" label={t('field.smoking')}><Select options={yesNo} /></Form.Item></Col>
          <Col span={8}><Form.Item name="drinking" label={t('field.drinking')}><Select options={yesNo} /></Form.Item></Col>
          <Col span={8}><Form.Item name="exercise" label={t('field.exercise')}><Select options={['daily', 'weekly', 'rarely', 'never'].map((v) => ({ value: v, label: t(`health.exercise.${v}`) }))} /></Form.Item></Col>
          <Col span={8}><Form.Item name="systolic" label={t('field.systolic')} rules={[{ required: true }]}><InputNumber style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={8}><Form.Item name="diastolic" label={t('field.diastolic')} rules={[{ required: true }]}><InputNumber style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={8}><Form.Item name="heightCm" label={t('field.heightCm')} rules={[{ required: true }]}><InputNumber style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={8}><Form.Item name="weightKg" label={t('field.weightKg')} rules={[{ required: true }]}><InputNumber style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={8}><Form.Item name="fastingGlucose" label={t('field.fastingGlucose')}><InputNumber style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={12}><Form.Item name="tcmConstitution" label={t('field.tcmConstitution')}><Select options={TCM.map((v) => ({ value: v, label: t(`health.tcm.${v}`) }))} /></Form.Item></Col>
          <Col span={12}><Form.Item name="selfCare" label={t('field.selfCare')}><Select options={['independent', 'mildDependent', 'moderateDependent', 'dependent'].map((v) => ({ value: v, label: t(`health.selfCare.${v}`) }))} /></Form.Item></Col>
        </Row>
      </Form>
    </Modal>
  );
}

/** A dementia screen (AD8 or MMSE with schooling). */
export function ScreenForm({ person, open, onClose }: FormProps) {
  const { t } = useTranslation(['elderly', 'common']);
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const tool = Form.useWatch('tool', form);
  const refresh = useRefresh(person.personId);
  const save = useMutation({
    mutationFn: (body: unknown) => api.post<DementiaCaseView>(`/elderly/profiles/${person.personId}/dementia-screens`, body),
    onSuccess: (c) => {
      message.success(t('dementia.saved', { name: person.name, result: t(c.positive ? 'dementia.positive' : 'dementia.negative') }));
      refresh();
      onClose();
    },
    onError: (e) => {
      const rest = applyApiError(form, e).text;
      if (rest) message.error(rest);
    },
  });
  return (
    <Modal open={open} title={`${t('dementia.screen')} · ${person.name}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('common:actions.save')} destroyOnHidden>
      <Form form={form} name="elderly-screen" layout="vertical" initialValues={{ screenedOn: todayShanghai(), tool: 'ad8' }} onFinish={(v) => save.mutate({ ...v, education: v.education ?? null })}>
        <Form.Item name="screenedOn" label={t('field.screenedOn')} rules={[{ required: true }]}><Input type="date" max={todayShanghai()} /></Form.Item>
        <Form.Item name="tool" label={t('field.tool')}><Select options={['ad8', 'mmse'].map((v) => ({ value: v, label: t(`dementia.tool.${v}`) }))} /></Form.Item>
        <Form.Item name="score" label={t('field.score')} rules={[{ required: true }]}><InputNumber min={0} precision={0} style={{ width: '100%' }} /></Form.Item>
        {tool === 'mmse' && (
          <Form.Item name="education" label={t('field.education')}><Select options={['none', 'primary', 'juniorOrAbove'].map((v) => ({ value: v, label: t(`dementia.education.${v}`) }))} /></Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** One step of a dementia case; closing asks for a confirmation naming the person. */
export function StepForm({ c, action, onClose }: { c: DementiaCaseView; action: string | null; onClose: () => void }) {
  const { t } = useTranslation(['elderly', 'common']);
  const { message, modal } = App.useApp();
  const [form] = Form.useForm();
  const refresh = useRefresh(c.personId);
  const save = useMutation({
    mutationFn: (body: unknown) => api.post<DementiaCaseView>(`/elderly/dementia-cases/${c.id}/steps`, body),
    onSuccess: () => {
      message.success(t('dementia.stepSaved', { name: c.personName, action: t(`dementia.action.${action}`) }));
      refresh();
      onClose();
    },
    onError: (e) => {
      const rest = applyApiError(form, e).text;
      if (rest) message.error(rest);
    },
  });
  const submit = (v: Record<string, unknown>) => {
    const body = { ...v, action };
    if (action === 'close') modal.confirm({ title: t('dementia.confirmClose', { name: c.personName }), onOk: () => save.mutateAsync(body).catch(() => undefined) });
    else save.mutate(body);
  };
  return (
    <Modal open={action !== null} title={`${action ? t(`dementia.action.${action}`) : ''} · ${c.personName}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('common:actions.save')} destroyOnHidden>
      <Form form={form} name="elderly-step" layout="vertical" initialValues={{ on: todayShanghai() }} onFinish={submit}>
        <Form.Item name="on" label={t('field.on')} rules={[{ required: true }]}><Input type="date" max={todayShanghai()} /></Form.Item>
        {action === 'refer' && (
          <>
            <Form.Item name="referralLevel" label={t('field.referralLevel')}><Select options={['township', 'county', 'city'].map((v) => ({ value: v, label: t(`dementia.referralLevel.${v}`) }))} /></Form.Item>
            <Form.Item name="institution" label={t('field.institution')}><Input maxLength={80} /></Form.Item>
          </>
        )}
        {action === 'close' && (
          <Form.Item name="outcome" label={t('field.outcome')}><Select options={['stable', 'inLongTermCare', 'declined', 'movedAway', 'deceased'].map((v) => ({ value: v, label: t(`dementia.outcome.${v}`) }))} /></Form.Item>
        )}
        <Form.Item name="note" label={t('field.note')}><Input maxLength={200} /></Form.Item>
      </Form>
    </Modal>
  );
}
