import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { errorText, useFormErrors, rules } from '../../components/formErrors.ts';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import type { GradeView } from '../../../src/modules/grading/contract.ts';
import { LevelTag } from './labels.tsx';

const LEVELS = ['cityModel', 'grade1', 'grade2', 'grade3'];

/** Grades held (current, expiring for re-evaluation, or the whole history); export; downgrade. */
export function GradesTab() {
  const { t } = useTranslation(['grading', 'common']);
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const formErrors = useFormErrors(form, { toast: true });
  const [downgrading, setDowngrading] = useState<GradeView | null>(null);
  const [state, update] = useUrlState({ level: undefined, unitCode: undefined, view: 'current' } as Record<string, string | undefined>);
  const query = { level: state.level, unitCode: state.unitCode, history: state.view === 'history' ? 'true' : undefined, expiringWithin: state.view === 'expiring' ? 90 : undefined };
  const grades = useQuery({ queryKey: ['grading-grades', query], queryFn: () => api.get<GradeView[]>(`/grading/grades${qs(query)}`) });
  const downgrade = useMutation({
    mutationFn: (v: { level: string | null; on: { format(f: string): string }; reason: string }) => api.post<GradeView[]>(`/grading/centers/${downgrading!.centerId}/downgrade`, { level: v.level ?? null, on: v.on.format('YYYY-MM-DD'), reason: v.reason }),
    onSuccess: () => {
      void message.success(t('common:feedback.downgraded'));
      setDowngrading(null);
      void qc.invalidateQueries({ queryKey: ['grading-grades'] });
    },
    onError: (e) => {
      formErrors.onError(e);
    },
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Select style={{ width: 160 }} value={state.view} onChange={(v) => update({ view: v })} options={[{ value: 'current', label: t('grades.current') }, { value: 'expiring', label: t('grades.expiring') }, { value: 'history', label: t('grades.history') }]} />
          <Select allowClear placeholder={t('field.level')} style={{ width: 120 }} value={state.level} onChange={(v) => update({ level: v })} options={LEVELS.map((s) => ({ value: s, label: t(`level.${s}`) }))} />
          {can('grading.read') && <UnitPicker style={{ width: 220 }} value={state.unitCode} onChange={(v) => update({ unitCode: v })} />}
        </Space>
        <Button icon={<DownloadOutlined />} onClick={() => void api.download(`/grading/grades/export.xlsx${qs(query)}`, 'grades.xlsx').catch((e) => message.error(errorText(e)))}>
          {t('common:actions.export')}
        </Button>
      </Space>
      <Table<GradeView>
        rowKey="id"
        size="middle"
        loading={grades.isLoading}
        dataSource={grades.data ?? []}
        columns={[
          { title: t('field.center'), dataIndex: 'centerName', key: 'center', sorter: (a, b) => a.centerName.localeCompare(b.centerName, 'zh-CN') },
          { title: t('field.unit'), dataIndex: 'unitName', key: 'unit', sorter: (a, b) => a.unitCode.localeCompare(b.unitCode) },
          { title: t('field.level'), dataIndex: 'level', key: 'level', sorter: (a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level), render: (v: string) => <LevelTag level={v} /> },
          { title: t('field.validFrom'), dataIndex: 'validFrom', key: 'from', sorter: (a, b) => a.validFrom.localeCompare(b.validFrom) },
          { title: t('field.validTo'), dataIndex: 'validTo', key: 'to', sorter: (a, b) => a.validTo.localeCompare(b.validTo) },
          { title: t('field.endReason'), key: 'end', render: (_, g) => (g.endReason ? <Tag>{`${t(`endReason.${g.endReason}`)} ${g.endedOn}`}</Tag> : null) },
          { title: t('field.cloudSupervision'), dataIndex: 'cloudSupervision', key: 'cloud', render: (v: boolean) => (v ? <Tag color="green">✓</Tag> : <Tag color="red">✗</Tag>) },
          {
            title: '',
            key: 'actions',
            render: (_, g) =>
              g.current && can('grading.assess') ? (
                <Button size="small" danger onClick={() => setDowngrading(g)}>
                  {t('action.downgrade')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal open={!!downgrading} title={`${t('action.downgrade')} · ${downgrading?.centerName ?? ''}`} onCancel={() => setDowngrading(null)} onOk={() => form.submit()} confirmLoading={downgrade.isPending} destroyOnHidden>
        <Form form={form} onValuesChange={formErrors.onValuesChange} layout="vertical" onFinish={(v) => downgrade.mutate(v)}>
          <Form.Item name="level" label={t('field.newLevel')}>
            <Select allowClear placeholder={t('action.revoke')} options={LEVELS.filter((l) => downgrading && LEVELS.indexOf(l) > LEVELS.indexOf(downgrading.level)).map((s) => ({ value: s, label: t(`level.${s}`) }))} />
          </Form.Item>
          <Form.Item name="on" label={t('field.on')} rules={[rules.choose()]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="reason" label={t('field.reason')} rules={[rules.required()]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
