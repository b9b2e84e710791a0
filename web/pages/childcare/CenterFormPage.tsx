import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Space, Steps, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { applyApiError } from '../../components/formErrors.ts';
import { MapPicker } from './MapPicker.tsx';
import type { CenterDetail } from '../../../src/modules/childcare/contract.ts';

const KINDS = ['public', 'nonProfit', 'forProfit', 'employer', 'kindergarten', 'community'];
const FORMS = ['center', 'familyCarePoint', 'communityStation'];
const CLASS_TYPES = ['infant', 'toddler', 'older', 'mixed'];
const MAX_SIZE: Record<string, number> = { infant: 10, toddler: 15, older: 20, mixed: 18 };

const STEP_FIELDS = [
  ['name', 'operatorName', 'operatorKind', 'form', 'creditCode', 'legalRepresentative', 'contactName', 'contactPhone', 'openedOn', 'affordable', 'monthlyFeeYuan', 'cloudSupervision'],
  ['unitCode', 'address', 'lon', 'lat', 'floorAreaM2', 'outdoorAreaM2', 'investmentYuan', 'fireProcedure'],
  ['classes'],
];
const FORM_FIELDS = STEP_FIELDS.flat();

interface FormValues {
  [k: string]: unknown;
  classes: { id?: string; classType: string; name: string; capacity: number }[];
}

/** The operator's registration wizard: the center, its place, its classes; evidence and submission follow on the center's page. */
export function CenterFormPage() {
  const { t } = useTranslation(['childcare', 'common']);
  const { user } = useAuth();
  const { id } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [step, setStep] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const lon = Form.useWatch('lon', form) as number | undefined;
  const lat = Form.useWatch('lat', form) as number | undefined;
  const existing = useQuery({ queryKey: ['childcare-center', id], enabled: !!id, queryFn: () => api.get<CenterDetail>(`/childcare/centers/${id}`) });

  useEffect(() => {
    const c = existing.data;
    if (!c) return;
    form.setFieldsValue({
      ...c,
      openedOn: c.openedOn ? dayjs(c.openedOn) : undefined,
      investmentYuan: c.investmentFen === null ? undefined : c.investmentFen / 100,
      monthlyFeeYuan: c.monthlyFeeFen === null ? undefined : c.monthlyFeeFen / 100,
      fireProcedure: c.filings.find((f) => f.kind === 'initial')?.fireProcedure ?? 'standard',
      classes: c.classes.map((k) => ({ id: k.id, classType: k.classType, name: k.name, capacity: k.capacity })),
    } as FormValues);
  }, [existing.data, form]);

  const next = async () => {
    await form.validateFields(STEP_FIELDS[step].filter((f) => f !== 'classes'));
    setStep(step + 1);
  };

  const save = async () => {
    setError(null);
    await form.validateFields();
    const v = form.getFieldsValue(true) as Record<string, unknown> & FormValues;
    const empty = (x: unknown) => x === undefined || x === null || x === '';
    const body = {
      unitCode: v.unitCode,
      name: v.name,
      operatorName: v.operatorName,
      operatorKind: v.operatorKind,
      form: v.form,
      creditCode: empty(v.creditCode) ? undefined : v.creditCode,
      legalRepresentative: empty(v.legalRepresentative) ? undefined : v.legalRepresentative,
      contactName: empty(v.contactName) ? undefined : v.contactName,
      contactPhone: empty(v.contactPhone) ? undefined : v.contactPhone,
      address: v.address,
      lon: empty(v.lon) ? undefined : v.lon,
      lat: empty(v.lat) ? undefined : v.lat,
      floorAreaM2: v.floorAreaM2,
      outdoorAreaM2: empty(v.outdoorAreaM2) ? undefined : v.outdoorAreaM2,
      investmentFen: empty(v.investmentYuan) ? undefined : Math.round(Number(v.investmentYuan) * 100),
      affordable: !!v.affordable,
      monthlyFeeFen: empty(v.monthlyFeeYuan) ? undefined : Math.round(Number(v.monthlyFeeYuan) * 100),
      openedOn: v.openedOn ? (v.openedOn as dayjs.Dayjs).format('YYYY-MM-DD') : undefined,
      cloudSupervision: !!v.cloudSupervision,
      fireProcedure: v.fireProcedure,
      classes: v.classes.map((k) => ({ ...(k.id ? { id: k.id } : {}), classType: k.classType, name: k.name, capacity: k.capacity })),
    };
    setSaving(true);
    try {
      const res = id ? await api.put<{ id: string }>(`/childcare/centers/${id}`, body) : await api.post<{ id: string }>('/childcare/centers', body);
      await queryClient.invalidateQueries({ queryKey: ['childcare-center'] });
      message.success(t('wizard.saved'));
      navigate(`/childcare/centers/${res.id}?tab=filing`);
    } catch (e) {
      const classFields = body.classes.flatMap((_, i) => [`classes.${i}.capacity`, `classes.${i}.name`, `classes.${i}.classType`]);
      const rest = applyApiError(form, e, [...FORM_FIELDS, ...classFields]);
      const bad = (e as { fields?: { field: string }[] }).fields?.[0]?.field ?? '';
      const badStep = STEP_FIELDS.findIndex((fs) => fs.some((f) => bad === f || bad.startsWith(`${f}.`)));
      if (badStep >= 0) setStep(badStep);
      setError(rest);
    } finally {
      setSaving(false);
    }
  };

  const initial: Partial<FormValues> = {
    unitCode: user?.unitCode && user.unitCode.length === 9 ? user.unitCode : undefined,
    operatorKind: 'forProfit',
    form: 'center',
    fireProcedure: 'standard',
    affordable: false,
    cloudSupervision: false,
    classes: [{ classType: 'toddler', name: '', capacity: 15 }],
  };

  return (
    <Card title={id ? t('wizard.editTitle') : t('wizard.title')}>
      <Steps current={step} style={{ marginBottom: 24 }} items={[{ title: t('wizard.stepBasics') }, { title: t('wizard.stepPlace') }, { title: t('wizard.stepClasses') }, { title: t('wizard.stepEvidence') }]} />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form<FormValues> form={form} name="center-form" layout="vertical" initialValues={initial} style={{ maxWidth: 960 }}>
        <div style={{ display: step === 0 ? 'block' : 'none' }}>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="name" label={t('field.name')} rules={[{ required: true, message: t('wizard.required') }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="form" label={t('field.form')}>
                <Select options={FORMS.map((f) => ({ value: f, label: t(`form.${f}`) }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="operatorName" label={t('field.operatorName')} rules={[{ required: true, message: t('wizard.required') }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="operatorKind" label={t('field.operatorKind')} rules={[{ required: true }]}>
                <Select options={KINDS.map((k) => ({ value: k, label: t(`operatorKind.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="creditCode" label={t('field.creditCode')} extra={t('wizard.creditCodeHint')}>
                <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="legalRepresentative" label={t('field.legalRepresentative')}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="contactName" label={t('field.contactName')}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="contactPhone" label={t('field.contactPhone')}>
                <Input maxLength={20} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="openedOn" label={t('field.openedOn')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="monthlyFeeYuan" label={t('field.monthlyFeeYuan')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label=" ">
                <Space>
                  <Form.Item name="affordable" valuePropName="checked" noStyle>
                    <Checkbox>{t('field.affordable')}</Checkbox>
                  </Form.Item>
                  <Form.Item name="cloudSupervision" valuePropName="checked" noStyle>
                    <Checkbox>{t('field.cloudSupervision')}</Checkbox>
                  </Form.Item>
                </Space>
              </Form.Item>
            </Col>
          </Row>
        </div>
        <div style={{ display: step === 1 ? 'block' : 'none' }}>
          <Row gutter={16}>
            <Col span={10}>
              <Form.Item name="unitCode" label={t('field.unit')} rules={[{ required: true, message: t('wizard.required') }]}>
                <UnitPicker minLevel={3} />
              </Form.Item>
              <Form.Item name="address" label={t('field.address')} rules={[{ required: true, message: t('wizard.required') }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Space>
                <Form.Item name="lon" label={t('field.lon')}>
                  <InputNumber step={0.0001} style={{ width: 150 }} />
                </Form.Item>
                <Form.Item name="lat" label={t('field.lat')}>
                  <InputNumber step={0.0001} style={{ width: 150 }} />
                </Form.Item>
              </Space>
              <Space>
                <Form.Item name="floorAreaM2" label={t('field.floorAreaM2')} rules={[{ required: true, message: t('wizard.required') }]}>
                  <InputNumber min={1} style={{ width: 150 }} />
                </Form.Item>
                <Form.Item name="outdoorAreaM2" label={t('field.outdoorAreaM2')}>
                  <InputNumber min={0} style={{ width: 150 }} />
                </Form.Item>
              </Space>
              <Form.Item name="investmentYuan" label={t('field.investmentYuan')}>
                <InputNumber min={0} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name="fireProcedure" label={t('field.fireProcedure')}>
                <Radio.Group options={['standard', 'simplified'].map((f) => ({ value: f, label: t(`fireProcedure.${f}`) }))} />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Typography.Text type="secondary">{t('wizard.mapHint')}</Typography.Text>
              <MapPicker lon={lon ?? undefined} lat={lat ?? undefined} onPick={(x, y) => form.setFieldsValue({ lon: x, lat: y })} height={380} />
            </Col>
          </Row>
        </div>
        <div style={{ display: step === 2 ? 'block' : 'none' }}>
          <Typography.Paragraph type="secondary">{t('wizard.classesHint')}</Typography.Paragraph>
          <Form.List name="classes">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'id']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[f.name, 'classType']} label={t('field.classType')} rules={[{ required: true }]}>
                      <Select style={{ width: 200 }} options={CLASS_TYPES.map((c) => ({ value: c, label: `${t(`classType.${c}`)} ≤${MAX_SIZE[c]}` }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'name']} label={t('field.className')} rules={[{ required: true, message: t('wizard.required') }]}>
                      <Input maxLength={40} style={{ width: 160 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'capacity']} label={t('field.capacity')} rules={[{ required: true, message: t('wizard.required') }]}>
                      <InputNumber min={1} max={60} />
                    </Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ classType: 'older', name: '', capacity: 20 })}>
                  {t('wizard.addClass')}
                </Button>
              </>
            )}
          </Form.List>
        </div>
      </Form>
      <Space style={{ marginTop: 24 }}>
        {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('wizard.previous')}</Button>}
        {step < 2 && (
          <Button type="primary" onClick={() => void next().catch(() => {})}>
            {t('wizard.next')}
          </Button>
        )}
        {step === 2 && (
          <Button type="primary" loading={saving} onClick={() => void save().catch(() => {})} data-testid="save-center">
            {t('wizard.saveAndEvidence')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
