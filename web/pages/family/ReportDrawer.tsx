import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Drawer, Form, Input, Radio, Select, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { useFormErrors, rules } from '../../components/formErrors.ts';
import type { RosterRow } from '../../../src/modules/family/contract.ts';
import { MEALS } from '../../../src/modules/family/nutrition.ts';
import { MEAL_AMOUNTS, MOODS } from '../../../src/modules/family/vocabulary.ts';

interface Photo {
  mimeType: string;
  dataBase64: string;
  caption?: string;
  name: string;
}

function readPhoto(file: File): Promise<Photo> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve({ mimeType: file.type, dataBase64: String(r.result).split(',')[1] ?? '', name: file.name });
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

/** The day's report of one child: meals, nap, mood, activities, photos. */
export function ReportDrawer({ centerId, day, row, onClose }: { centerId: string; day: string; row: RosterRow | null; onClose: () => void }) {
  const { t } = useTranslation(['family', 'common']);
  const [form] = Form.useForm();
  const { error, setError, onError, onValuesChange } = useFormErrors(form);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [busy, setBusy] = useState(false);
  const qc = useQueryClient();
  const submit = async (v: Record<string, string | undefined>) => {
    setBusy(true);
    setError(null);
    try {
      const meals = MEALS.filter((m) => v[`meal_${m}`]).map((m) => ({ meal: m, amount: v[`meal_${m}`] }));
      await api.put(`/family/centers/${centerId}/reports`, {
        enrolmentId: row!.enrolmentId,
        day,
        meals,
        napFrom: v.napFrom || undefined,
        napTo: v.napTo || undefined,
        mood: v.mood,
        activities: v.activities,
        notes: v.notes || undefined,
        photos: photos.map(({ mimeType, dataBase64, caption }) => ({ mimeType, dataBase64, caption })),
      });
      void qc.invalidateQueries({ queryKey: ['family-roster'] });
      void qc.invalidateQueries({ queryKey: ['family-reports'] });
      form.resetFields();
      setPhotos([]);
      onClose();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer open={!!row} onClose={onClose} width={520} title={`${t('report.write')} · ${row?.childName ?? ''} · ${day}`} destroyOnHidden>
      <Form form={form} onValuesChange={onValuesChange} layout="vertical" onFinish={submit} initialValues={{ mood: 'happy', meal_breakfast: 'all', meal_lunch: 'all', meal_afternoonSnack: 'all' }}>
        <Typography.Text strong>{t('report.meals')}</Typography.Text>
        {MEALS.filter((m) => m !== 'dinner').map((m) => (
          <Form.Item key={m} name={`meal_${m}`} label={t(`meal.${m}`)} style={{ marginBottom: 8 }}>
            <Select allowClear style={{ width: 200 }} options={MEAL_AMOUNTS.map((a) => ({ value: a, label: t(`amount.${a}`) }))} />
          </Form.Item>
        ))}
        <Space>
          <Form.Item name="napFrom" label={t('report.napFrom')}>
            <Input type="time" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="napTo" label={t('report.napTo')}>
            <Input type="time" style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Form.Item name="mood" label={t('report.mood')} rules={[rules.choose()]}>
          <Radio.Group options={MOODS.map((m) => ({ value: m, label: t(`mood.${m}`) }))} />
        </Form.Item>
        <Form.Item name="activities" label={t('report.activities')} rules={[rules.required()]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="report-activities" />
        </Form.Item>
        <Form.Item name="notes" label={t('report.notes')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item label={t('report.photos')} extra={t('report.photoHint')}>
          <Upload
            accept="image/jpeg,image/png,image/webp"
            multiple
            showUploadList={false}
            beforeUpload={async (file) => {
              const ph = await readPhoto(file);
              setPhotos((list) => [...list, ph].slice(0, 6));
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{t('report.addPhoto')}</Button>
          </Upload>
          <Space wrap style={{ marginTop: 8 }}>
            {photos.map((ph, i) => (
              <img key={i} alt={ph.name} src={`data:${ph.mimeType};base64,${ph.dataBase64}`} style={{ width: 72, height: 72, objectFit: 'cover', borderRadius: 6 }} onClick={() => setPhotos((l) => l.filter((_, j) => j !== i))} />
            ))}
          </Space>
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="report-submit">
          {t('common:actions.save')}
        </Button>
      </Form>
    </Drawer>
  );
}
