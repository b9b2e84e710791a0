import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { applyApiError } from '../../components/formErrors.ts';
import type { ChildFile } from '../../../src/modules/welfare/contract.ts';
import { CategoryTag, isoDay, useCategories, useCategoryLabel, yuan } from './shared.tsx';
import { RunStatus } from './SupportTab.tsx';

type Membership = ChildFile['memberships'][number];

/** A key child's independent file (独立档案): categories, visits, contact card, living support. */
export function ChildFilePage() {
  const { id } = useParams();
  const { t } = useTranslation(['welfare', 'common']);
  const { can } = useAuth();
  const label = useCategoryLabel();
  const qc = useQueryClient();
  const file = useQuery({ queryKey: ['welfare-child', id], queryFn: () => api.get<ChildFile>(`/welfare/children/${id}`) });
  const [dialog, setDialog] = useState<null | 'category' | 'visit' | 'contact' | { end: Membership }>(null);
  const f = file.data;
  const refresh = (next: ChildFile) => {
    qc.setQueryData(['welfare-child', id], next);
    void qc.invalidateQueries({ queryKey: ['welfare-children'] });
    void qc.invalidateQueries({ queryKey: ['welfare-counts'] });
    void qc.invalidateQueries({ queryKey: ['welfare-overdue'] });
  };
  if (!f) return <Card loading={file.isLoading}>{file.error ? <Alert type="error" message={(file.error as Error).message} /> : null}</Card>;
  const write = can('welfare.write');
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        title={
          <Space>
            <Link to="/welfare/ledger">
              <ArrowLeftOutlined />
            </Link>
            {t('file.title', { name: f.name })}
          </Space>
        }
        extra={
          <Link to="card">
            <Button icon={<PrinterOutlined />}>{t('file.print')}</Button>
          </Link>
        }
      >
        <Descriptions size="small" bordered column={3}>
          <Descriptions.Item label={t('field.name')}>{f.name}</Descriptions.Item>
          <Descriptions.Item label={t('field.sex')}>{t(`sex.${f.sex}`)}</Descriptions.Item>
          <Descriptions.Item label={t('field.birthDate')}>
            {f.birthDate}（{f.age}）
          </Descriptions.Item>
          <Descriptions.Item label={t('field.idNumber')}>{f.idMasked}</Descriptions.Item>
          <Descriptions.Item label={t('field.unit')}>{f.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('field.address')}>{f.address}</Descriptions.Item>
        </Descriptions>
        <div style={{ marginTop: 12 }}>
          {f.nextDue ? (
            <Alert
              type={f.overdue ? 'error' : 'info'}
              showIcon
              message={f.overdue ? t('file.overdueAlert', { date: f.nextDue.dueOn }) : t('file.nextDue', { date: f.nextDue.dueOn, category: label(f.nextDue.category), days: f.nextDue.intervalDays })}
              description={t('file.ageOut', { date: f.lastDayAsMinor })}
            />
          ) : (
            <Alert type="warning" showIcon message={t('file.noDue')} description={t('file.ageOut', { date: f.lastDayAsMinor })} />
          )}
        </div>
      </Card>
      <Card title={t('file.memberships')} extra={write && <Button onClick={() => setDialog('category')}>{t('file.addCategory')}</Button>}>
        <Table<Membership>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={f.memberships}
          columns={[
            { title: t('field.category'), key: 'category', render: (_, m) => <CategoryTag category={m.category} subclass={m.subclass} /> },
            { title: t('field.basis'), dataIndex: 'basis', key: 'basis' },
            { title: t('field.startDate'), dataIndex: 'startDate', key: 'start' },
            { title: t('field.endDate'), key: 'end', render: (_, m) => m.endDate ?? <Typography.Text type="secondary">{m.effectiveEnd}（{t('field.until18')}）</Typography.Text> },
            { title: t('field.status'), key: 'status', render: (_, m) => (m.active ? <Tag color="green">{t('file.active')}</Tag> : <Tag>{t('file.ended')}</Tag>) },
            { title: t('field.confirmedBy'), dataIndex: 'confirmedByName', key: 'by' },
            { title: t('field.endReason'), dataIndex: 'endReason', key: 'reason' },
            {
              title: '',
              key: 'actions',
              render: (_, m) =>
                write && m.endDate === null && m.active ? (
                  <Button size="small" danger onClick={() => setDialog({ end: m })}>
                    {t('file.end')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col span={14}>
          <Card title={t('file.visits')} extra={write && <Button type="primary" onClick={() => setDialog('visit')} data-testid="record-visit">{t('file.recordVisit')}</Button>}>
            <Table
              rowKey="id"
              size="small"
              dataSource={f.visits}
              locale={{ emptyText: t('file.noVisits') }}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('field.visitedOn'), dataIndex: 'visitedOn', key: 'on', width: 110 },
                { title: t('field.visitor'), dataIndex: 'visitorName', key: 'visitor', width: 120 },
                { title: t('field.findings'), dataIndex: 'findings', key: 'findings' },
                { title: t('field.needs'), dataIndex: 'needs', key: 'needs' },
              ]}
            />
          </Card>
        </Col>
        <Col span={10}>
          <Card title={t('file.contact')} extra={write && <Button onClick={() => setDialog('contact')}>{t('file.editContact')}</Button>}>
            <ContactDescriptions file={f} />
          </Card>
        </Col>
      </Row>
      <Card title={t('file.support')}>
        <Table
          rowKey="id"
          size="small"
          dataSource={f.support}
          locale={{ emptyText: t('file.noSupport') }}
          pagination={false}
          columns={[
            { title: t('field.month'), dataIndex: 'month', key: 'month' },
            { title: t('field.standard'), dataIndex: 'ruleCode', key: 'rule', render: (v: string) => t(`standard.${v}`) },
            { title: t('field.spans'), dataIndex: 'spans', key: 'spans', render: (v: [string, string][]) => v.map(([a, b]) => `${a}～${b}`).join('，') },
            { title: '', key: 'explain', render: (_, l) => <Typography.Text type="secondary">{t('support.explain', { rate: yuan(l.rateFen), days: l.days, dim: l.daysInMonth })}</Typography.Text> },
            { title: t('field.amountYuan'), dataIndex: 'amountFen', key: 'amount', align: 'right', render: (v: number) => yuan(v) },
            { title: t('field.status'), dataIndex: 'status', key: 'status', render: (v: string) => <RunStatus status={v} /> },
          ]}
        />
      </Card>
      {dialog === 'category' && <CategoryDialog file={f} onClose={() => setDialog(null)} onSaved={refresh} />}
      {dialog === 'visit' && <VisitDialog file={f} onClose={() => setDialog(null)} onSaved={refresh} />}
      {dialog === 'contact' && <ContactDialog file={f} onClose={() => setDialog(null)} onSaved={refresh} />}
      {dialog && typeof dialog === 'object' && <EndDialog file={f} membership={dialog.end} onClose={() => setDialog(null)} onSaved={refresh} />}
    </Space>
  );
}

export function ContactDescriptions({ file }: { file: ChildFile }) {
  const { t } = useTranslation('welfare');
  const c = file.contact;
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label={t('field.director')}>{c.director ? `${c.director.name}　${c.director.phone}` : ''}</Descriptions.Item>
      <Descriptions.Item label={t('field.supervisor')}>{c.supervisor ? `${c.supervisor.name}　${c.supervisor.phone}` : ''}</Descriptions.Item>
      <Descriptions.Item label={t('field.guardian')}>
        {c.guardianName ?? ''}
        {c.guardianRelation ? `（${t(`relation.${c.guardianRelation}`)}）` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('field.guardianPhone')}>{c.guardianPhone ?? ''}</Descriptions.Item>
      {c.note && <Descriptions.Item label={t('field.note')}>{c.note}</Descriptions.Item>}
    </Descriptions>
  );
}

interface DialogProps {
  file: ChildFile;
  onClose: () => void;
  onSaved: (f: ChildFile) => void;
}

/** A form in a modal that posts to the API and shows field errors under their fields. */
function useDialogSave(fields: string[], success: string, onSaved: (f: ChildFile) => void, onClose: () => void) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: (req: { method: 'post' | 'put'; url: string; body: unknown }) => api[req.method]<ChildFile>(req.url, req.body),
    onSuccess: (f) => {
      message.success(success);
      onSaved(f);
      onClose();
    },
    onError: (e) => {
      const rest = applyApiError(form, e).text;
      if (rest) message.error(rest);
    },
  });
  return { form, save };
}

function CategoryDialog({ file, onClose, onSaved }: DialogProps) {
  const { t, i18n } = useTranslation(['welfare', 'common']);
  const zh = i18n.language.startsWith('zh');
  const cats = useCategories();
  const { form, save } = useDialogSave(['category', 'subclass', 'basis', 'startDate'], t('file.categoryAdded', { name: file.name }), onSaved, onClose);
  const category = Form.useWatch('category', form) as string | undefined;
  const subclasses = cats.data?.categories.find((c) => c.code === category)?.subclasses ?? [];
  const basis = cats.data?.categories.find((c) => c.code === category)?.basis;
  return (
    <Modal open onCancel={onClose} title={t('file.addCategory')} onOk={() => form.submit()} okButtonProps={{ loading: save.isPending }} okText={t('common:actions.save')}>
      <Form form={form} layout="vertical" initialValues={{ startDate: dayjs() }} onFinish={(v) => save.mutate({ method: 'post', url: `/welfare/children/${file.id}/memberships`, body: { ...v, subclass: v.subclass ?? null, startDate: isoDay(v.startDate) } })}>
        <Form.Item name="category" label={t('field.category')} rules={[{ required: true }]} extra={basis}>
          <Select options={(cats.data?.categories ?? []).map((c) => ({ value: c.code, label: zh ? c.zh : c.en }))} onChange={() => form.setFieldValue('subclass', undefined)} />
        </Form.Item>
        {subclasses.length > 0 && (
          <Form.Item name="subclass" label={t('field.subclass')} rules={[{ required: true }]}>
            <Select options={subclasses.map((s) => ({ value: s.code, label: zh ? s.zh : s.en }))} />
          </Form.Item>
        )}
        <Form.Item name="basis" label={t('field.basis')} rules={[{ required: true }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="startDate" label={t('field.startDate')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EndDialog({ file, membership, onClose, onSaved }: DialogProps & { membership: Membership }) {
  const { t } = useTranslation(['welfare', 'common']);
  const label = useCategoryLabel();
  const { form, save } = useDialogSave(['endDate', 'reason'], t('file.categoryEnded'), onSaved, onClose);
  return (
    <Modal open onCancel={onClose} title={t('file.endConfirm', { name: file.name, category: label(membership.category, membership.subclass) })} onOk={() => form.submit()} okButtonProps={{ danger: true, loading: save.isPending }} okText={t('file.end')}>
      <Form form={form} layout="vertical" initialValues={{ endDate: dayjs() }} onFinish={(v) => save.mutate({ method: 'post', url: `/welfare/memberships/${membership.id}/end`, body: { ...v, endDate: isoDay(v.endDate) } })}>
        <Form.Item name="endDate" label={t('field.endDate')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="reason" label={t('field.endReason')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function VisitDialog({ file, onClose, onSaved }: DialogProps) {
  const { t } = useTranslation(['welfare', 'common']);
  const { user } = useAuth();
  const { form, save } = useDialogSave(['visitedOn', 'visitorName', 'findings', 'needs'], t('file.visitSaved'), onSaved, onClose);
  return (
    <Modal open onCancel={onClose} title={t('file.recordVisit')} onOk={() => form.submit()} okButtonProps={{ loading: save.isPending }} okText={t('common:actions.save')}>
      <Form form={form} name="welfare-visit" layout="vertical" initialValues={{ visitedOn: dayjs(), visitorName: file.contact.director?.name ?? user?.displayName }} onFinish={(v) => save.mutate({ method: 'post', url: `/welfare/children/${file.id}/visits`, body: { ...v, visitedOn: isoDay(v.visitedOn) } })}>
        <Form.Item name="visitedOn" label={t('field.visitedOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="visitorName" label={t('field.visitor')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="findings" label={t('field.findings')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="needs" label={t('field.needs')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ContactDialog({ file, onClose, onSaved }: DialogProps) {
  const { t } = useTranslation(['welfare', 'common']);
  const { form, save } = useDialogSave(['directorId', 'supervisorId', 'guardianName', 'guardianRelation', 'guardianPhone', 'note'], t('file.contactSaved'), onSaved, onClose);
  const workers = useQuery({ queryKey: ['welfare-workers', 'all'], queryFn: () => api.get<{ id: string; role: string; name: string; unitCode: string; unitName: string }[]>('/welfare/workers') });
  const options = (role: string) => (workers.data ?? []).filter((w) => w.role === role && file.unitCode.startsWith(w.unitCode)).map((w) => ({ value: w.id, label: `${w.name}（${w.unitName}）` }));
  const c = file.contact;
  return (
    <Modal open onCancel={onClose} title={t('file.editContact')} onOk={() => form.submit()} okButtonProps={{ loading: save.isPending }} okText={t('common:actions.save')}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ directorId: c.director?.id, supervisorId: c.supervisor?.id, guardianName: c.guardianName, guardianRelation: c.guardianRelation, guardianPhone: c.guardianPhone, note: c.note }}
        onFinish={(v) => save.mutate({ method: 'put', url: `/welfare/children/${file.id}/contact`, body: { ...v, directorId: v.directorId ?? null, supervisorId: v.supervisorId ?? null, guardianRelation: v.guardianRelation ?? null, guardianPhone: v.guardianPhone || null, guardianName: v.guardianName ?? '', note: v.note ?? '' } })}
      >
        <Form.Item name="directorId" label={t('field.director')}>
          <Select allowClear options={options('director')} />
        </Form.Item>
        <Form.Item name="supervisorId" label={t('field.supervisor')}>
          <Select allowClear options={options('supervisor')} />
        </Form.Item>
        <Form.Item name="guardianName" label={t('field.guardian')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="guardianRelation" label={t('field.guardianRelation')}>
          <Select allowClear options={['mother', 'father', 'grandparent', 'relative', 'institution', 'other'].map((r) => ({ value: r, label: t(`relation.${r}`) }))} />
        </Form.Item>
        <Form.Item name="guardianPhone" label={t('field.guardianPhone')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="note" label={t('field.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
