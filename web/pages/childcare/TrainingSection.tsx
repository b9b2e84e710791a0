import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Radio, Result, Select, Space, Statistic, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, rules, useFormErrors } from '../../components/formErrors.ts';
import { api, ApiError, type Paged } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import type { CenterListItem, StaffView } from '../../../src/modules/childcare/contract.ts';
import type { AttemptResult, AttemptView, CourseView } from '../../../src/modules/childcare/training.contract.ts';

interface Certificate {
  id: string;
  code: string;
  holderName: string;
  courseTitle: string;
  centerName: string;
  score: number;
  issuedOn: string;
  validTo: string;
}


/** Parses the question bank typed one question a line: prompt | option | option … | number of the right option. */
export function parseQuestions(text: string): { prompt: string; options: string[]; answer: number }[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const parts = line.split('|').map((x) => x.trim());
      const answer = Number(parts.pop()) - 1;
      const [prompt, ...options] = parts;
      return { prompt, options, answer };
    });
}

/** Online training (一网办): courses, timed exams for the center's staff, certificates. */
export function TrainingSection() {
  const { t } = useTranslation(['childcare', 'common']);
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const courses = useQuery({ queryKey: ['training-courses'], queryFn: () => api.get<CourseView[]>('/childcare/training/courses') });
  const certs = useQuery({ queryKey: ['training-certificates'], queryFn: () => api.get<Certificate[]>('/childcare/training/certificates') });
  const [publishing, setPublishing] = useState(false);
  const [examFor, setExamFor] = useState<CourseView | null>(null);
  const [form] = Form.useForm();
  const { onError, onValuesChange } = useFormErrors(form, { toast: true });
  const operate = can('childcare.operate') && !can('childcare.file');

  const publish = async () => {
    const v = await form.validateFields();
    try {
      await api.post('/childcare/training/courses', { ...v, questions: parseQuestions(v.questions ?? '') });
      setPublishing(false);
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['training-courses'] });
    } catch (e) {
      onError(e);
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('training.courses')}
        extra={
          can('childcare.training') && (
            <Button icon={<PlusOutlined />} onClick={() => setPublishing(true)}>
              {t('training.publish')}
            </Button>
          )
        }
      >
        <Table<CourseView>
          rowKey="id"
          size="small"
          loading={courses.isLoading}
          dataSource={courses.data ?? []}
          pagination={false}
          columns={[
            { title: t('training.title'), dataIndex: 'title' },
            { title: t('training.hours'), dataIndex: 'hours', align: 'right' },
            { title: t('training.exam'), key: 'exam', render: (_, c) => t('training.examRule', { count: c.questionCount, minutes: c.minutes, mark: c.passMark }) },
            { title: t('training.bank'), dataIndex: 'bankSize', align: 'right' },
            ...(operate ? [{ title: '', key: 'sit', render: (_: unknown, c: CourseView) => <Button size="small" onClick={() => setExamFor(c)}>{t('training.sit')}</Button> }] : []),
          ]}
        />
      </Card>
      <Card title={t('training.certificates')}>
        <Table<Certificate>
          rowKey="id"
          size="small"
          loading={certs.isLoading}
          dataSource={certs.data ?? []}
          columns={[
            { title: t('staff.name'), dataIndex: 'holderName' },
            { title: t('field.name'), dataIndex: 'centerName' },
            { title: t('training.title'), dataIndex: 'courseTitle' },
            { title: t('training.score'), dataIndex: 'score', align: 'right' },
            { title: t('training.issuedOn'), dataIndex: 'issuedOn' },
            { title: t('staff.validTo'), dataIndex: 'validTo' },
            { title: t('training.code'), dataIndex: 'code', render: (v: string) => <a href={`/verify?code=${v}`} target="_blank" rel="noreferrer"><Typography.Text code>{v}</Typography.Text></a> },
          ]}
        />
      </Card>
      <Modal open={publishing} width={720} title={t('training.publish')} onOk={() => void publish().catch(() => {})} onCancel={() => setPublishing(false)} okText={t('common:actions.save')} cancelText={t('common:actions.cancel')}>
        <Form form={form} onValuesChange={onValuesChange} layout="vertical" initialValues={{ hours: 8, questionCount: 10, minutes: 30, passMark: 80, certificateYears: 3 }}>
          <Form.Item name="title" label={t('training.title')} rules={[rules.required()]}>
            <Input maxLength={100} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="hours" label={t('training.hours')}><InputNumber min={1} max={200} /></Form.Item>
            <Form.Item name="questionCount" label={t('training.questionCount')}><InputNumber min={1} max={100} /></Form.Item>
            <Form.Item name="minutes" label={t('training.minutes')}><InputNumber min={1} max={240} /></Form.Item>
            <Form.Item name="passMark" label={t('training.passMark')}><InputNumber min={1} max={100} /></Form.Item>
            <Form.Item name="certificateYears" label={t('training.years')}><InputNumber min={1} max={10} /></Form.Item>
          </Space>
          <Form.Item name="questions" label={t('training.bank')} extra={t('training.bankHint')} rules={[rules.required()]}>
            <Input.TextArea rows={8} placeholder="婴幼儿午睡时保育人员应当？ | 离开寝室 | 巡视看护 | 关灯锁门 | 2" />
          </Form.Item>
        </Form>
      </Modal>
      {examFor && <ExamModal course={examFor} onClose={() => { setExamFor(null); void queryClient.invalidateQueries({ queryKey: ['training-certificates'] }); }} />}
    </Space>
  );
}

function ExamModal({ course, onClose }: { course: CourseView; onClose: () => void }) {
  const { t } = useTranslation(['childcare', 'common']);
  const { message } = App.useApp();
  const centers = useQuery({ queryKey: ['childcare-centers', 'mine'], queryFn: () => api.get<Paged<CenterListItem>>('/childcare/centers?pageSize=200') });
  const [centerId, setCenterId] = useState<string>();
  const staff = useQuery({ queryKey: ['childcare-staff', centerId], enabled: !!centerId, queryFn: () => api.get<StaffView[]>(`/childcare/centers/${centerId}/staff`) });
  const [staffId, setStaffId] = useState<string>();
  const [attempt, setAttempt] = useState<AttemptView | null>(null);
  const [answers, setAnswers] = useState<(number | null)[]>([]);
  const [result, setResult] = useState<AttemptResult | null>(null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const start = async () => {
    try {
      const a = await api.post<AttemptView>(`/childcare/training/courses/${course.id}/attempts`, { staffId });
      setAttempt(a);
      setAnswers(a.questions.map(() => null));
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const submit = async () => {
    try {
      setResult(await api.post<AttemptResult>(`/childcare/training/attempts/${attempt!.id}/submit`, { answers }));
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const left = attempt ? Math.max(0, new Date(attempt.deadlineAt).getTime() - now) : 0;

  return (
    <Modal open width={760} title={course.title} onCancel={onClose} footer={null} destroyOnHidden>
      {result ? (
        <Result
          status={result.passed ? 'success' : 'warning'}
          title={result.passed ? t('training.passed', { score: result.score }) : t('training.failed', { score: result.score, mark: attempt?.passMark })}
          subTitle={result.certificateCode ? t('training.issued', { code: result.certificateCode }) : result.late ? t('training.late') : ''}
          extra={<Button onClick={onClose}>{t('common:actions.close')}</Button>}
        />
      ) : attempt ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Statistic.Timer type="countdown" title={t('training.timeLeft')} value={Date.now() + left} format="mm:ss" />
          {attempt.questions.map((q, i) => (
            <div key={q.id}>
              <Typography.Text strong>
                {i + 1}. {q.prompt}
              </Typography.Text>
              <Radio.Group
                style={{ display: 'flex', flexDirection: 'column', marginTop: 4 }}
                value={answers[i]}
                onChange={(e) => setAnswers(answers.map((a, j) => (j === i ? e.target.value : a)))}
                options={q.options.map((o, k) => ({ value: k, label: o }))}
              />
            </div>
          ))}
          <Button type="primary" onClick={() => void submit()}>
            {t('training.handIn')}
          </Button>
        </Space>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="info" showIcon message={t('training.examRule', { count: course.questionCount, minutes: course.minutes, mark: course.passMark })} />
          <Select style={{ width: '100%' }} placeholder={t('field.name')} value={centerId} onChange={setCenterId} options={(centers.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          <Select
            style={{ width: '100%' }}
            placeholder={t('staff.name')}
            value={staffId}
            onChange={setStaffId}
            options={(staff.data ?? []).filter((s) => !s.leftOn).map((s) => ({ value: s.id, label: `${s.name}（${t(`staffRole.${s.role}`)}）` }))}
          />
          <Button type="primary" disabled={!staffId} onClick={() => void start()}>
            {t('training.start')}
          </Button>
        </Space>
      )}
    </Modal>
  );
}
