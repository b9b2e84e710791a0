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
import { rules, useFormErrors } from '../../components/formErrors.ts';
import { isValidPhone } from '../../../src/app/schemas.ts';
import { isValidCreditCode } from '../../../src/modules/childcare/filing.ts';
import { classStandardOn } from '../../../src/modules/childcare/ratios.ts';
import { MapPicker } from './MapPicker.tsx';
import type { CenterDetail } from '../../../src/modules/childcare/contract.ts';

const KINDS = ['public', 'nonProfit', 'forProfit', 'employer', 'kindergarten', 'community'];
const FORMS = ['center', 'familyCarePoint', 'communityStation'];
const CLASS_TYPES = ['infant', 'toddler', 'older', 'mixed'];
/** Class sizes of the standard in force today, the same the server checks (托育机构设置标准（试行）). */
const maxSize = (classType: string): number => classStandardOn(dayjs().format('YYYY-MM-DD')).classes[classType as 'infant'].maxSize;

const STEP_FIELDS = [
  ['name', 'operatorName', 'operatorKind', 'form', 'creditCode', 'legalRepresentative', 'contactName', 'contactPhone', 'openedOn', 'affordable', 'monthlyFeeYuan', 'cloudSupervision'],
  ['unitCode', 'address', 'lon', 'lat', 'floorAreaM2', 'outdoorAreaM2', 'investmentYuan', 'fireProcedure'],
  ['classes'],
];

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
  const errors = useFormErrors(form);
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

  // Each step is checked before the next, with the rules the server applies.
  const next = async () => {
    await form.validateFields(STEP_FIELDS[step], { recursive: true });
    setStep(step + 1);
  };

  const save = async () => {
    errors.clear();
    try {
      await form.validateFields(undefined, { recursive: true });
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0]?.name[0];
      const badStep = STEP_FIELDS.findIndex((fs) => fs.includes(String(first)));
      if (badStep >= 0) setStep(badStep);
      throw e;
    }
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
      const names = errors.onError(e);
      const badStep = STEP_FIELDS.findIndex((fs) => names.some((n) => fs.includes(String(n[0]))));
      if (badStep >= 0) setStep(badStep);
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
      {errors.error && <Alert type="error" showIcon message={errors.error} style={{ marginBottom: 16 }} />}
      <Form<FormValues> form={form} name="center-form" layout="vertical" initialValues={initial} style={{ maxWidth: 960 }} onValuesChange={errors.onValuesChange}>
        <div style={{ display: step === 0 ? 'block' : 'none' }}>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="name" label={t('field.name')} rules={[rules.required()]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="form" label={t('field.form')}>
                <Select options={FORMS.map((f) => ({ value: f, label: t(`form.${f}`) }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="operatorName" label={t('field.operatorName')} rules={[rules.required()]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="operatorKind" label={t('field.operatorKind')} rules={[rules.choose()]}>
                <Select options={KINDS.map((k) => ({ value: k, label: t(`operatorKind.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="creditCode" label={t('field.creditCode')} extra={t('wizard.creditCodeHint')} rules={[rules.check((v) => (isValidCreditCode(v.trim().toUpperCase()) ? null : 'childcare.creditCode'))]}>
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
              <Form.Item name="contactPhone" label={t('field.contactPhone')} rules={[rules.check((v) => (isValidPhone(v) ? null : 'phone'))]}>
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
              <Form.Item name="unitCode" label={t('field.unit')} rules={[rules.required()]}>
                <UnitPicker minLevel={3} />
              </Form.Item>
              <Form.Item name="address" label={t('field.address')} rules={[rules.required()]}>
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
                <Form.Item name="floorAreaM2" label={t('field.floorAreaM2')} rules={[rules.required()]}>
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
                    <Form.Item name={[f.name, 'classType']} label={t('field.classType')} rules={[rules.choose()]}>
                      <Select style={{ width: 200 }} options={CLASS_TYPES.map((c) => ({ value: c, label: t('wizard.classTypeOption', { type: t(`classType.${c}`), max: maxSize(c) }) }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'name']} label={t('field.className')} rules={[rules.required()]}>
                      <Input maxLength={40} style={{ width: 160 }} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'capacity']}
                      label={t('field.capacity')}
                      dependencies={[['classes', f.name, 'classType']]}
                      rules={[
                        rules.required(),
                        ({ getFieldValue }) => ({
                          validator: async (_, value: number | null) => {
                            const max = maxSize(getFieldValue(['classes', f.name, 'classType']) as string);
                            if (typeof value === 'number' && value > max) throw new Error(t('errors:field.childcare.classTooLarge', { max }));
                          },
                        }),
                      ]}
                    >
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
