import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { errorText } from '../../components/formErrors.ts';
import { useFeedback } from '../../components/feedback.tsx';
import { useAuth } from '../../auth.tsx';
import type { LineView, MonthDetail } from '../../../src/modules/subsidies/contract.ts';
import { StatusTag } from './StatusTag.tsx';
import { yuan } from './money.ts';

/** One center's month: every line with its rule, days and amount, and the county's approval and payment. */
export function MonthDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation(['subsidies', 'grading', 'common']);
  const { can } = useAuth();
  const { message } = App.useApp();
  const feedback = useFeedback();
  const qc = useQueryClient();
  const [paidOn, setPaidOn] = useState<string | null>(null);
  const month = useQuery({ queryKey: ['subsidy-month', id], queryFn: () => api.get<MonthDetail>(`/subsidies/months/${id}`), enabled: !!id });
  const act = useMutation({
    mutationFn: (a: 'approve' | 'pay') => api.post<MonthDetail>(`/subsidies/months/${id}/${a}`, a === 'pay' ? { paidOn } : {}),
    onSuccess: (m, a) => {
      void message.success(t(a === 'pay' ? 'common:feedback.paid' : 'common:feedback.approved'));
      qc.setQueryData(['subsidy-month', id], m);
      void qc.invalidateQueries({ queryKey: ['subsidy-months'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const m = month.data;
  const rule = (code: string) => t(`rule.${code}`, { defaultValue: code });
  return (
    <Drawer open={!!id} onClose={onClose} width={860} title={m ? `${m.centerName} · ${m.month}` : t('detail.title')} destroyOnHidden>
      {m && (
        <Space direction="vertical" style={{ width: '100%' }} size={16}>
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label={t('field.unit')}>{m.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('field.grade')}>{m.grade ? t(`grading:level.${m.grade}`) : t('grading:level.none')}</Descriptions.Item>
            <Descriptions.Item label={t('field.affordable')}>{m.affordable ? t('common:yes') : t('common:no')}</Descriptions.Item>
            <Descriptions.Item label={t('field.children')}>{m.children}</Descriptions.Item>
            <Descriptions.Item label={t('field.totalYuan')}>
              <Typography.Text strong>{yuan(m.totalFen)}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('field.status')}>
              <StatusTag status={m.status} />
            </Descriptions.Item>
          </Descriptions>
          <Alert type="info" showIcon message={t('detail.partial')} />
          {m.unmet.length > 0 && m.lines.length === 0 && (
            <Alert
              type="warning"
              message={t('detail.unmet')}
              description={m.unmet.map((u) => `${rule(u.ruleCode)}：${u.conditions.map((c) => t(`fact.${c.fact}`, { defaultValue: c.fact })).join('、')}`).join('；')}
            />
          )}
          <Space>
            <Button icon={<DownloadOutlined />} onClick={() => void api.download(`/subsidies/months/${m.id}/lines.xlsx`, 'subsidy-lines.xlsx')}>
              {t('detail.exportLines')}
            </Button>
            {can('subsidies.approve') && m.status === 'computed' && (
              <Button
                type="primary"
                loading={act.isPending}
                data-testid="approve-month"
                onClick={() =>
                  void feedback
                    .confirm({
                      title: t('detail.approveConfirm', { center: m.centerName, month: m.month, amount: yuan(m.totalFen), children: m.children }),
                      warning: m.totalFen === 0 ? t('detail.zeroWarning') : undefined,
                      okText: t('detail.approve'),
                    })
                    .then((ok) => ok && act.mutate('approve'))
                }
              >
                {t('detail.approve')}
              </Button>
            )}
            {can('subsidies.approve') && m.status === 'approved' && (
              <Space.Compact>
                <DatePicker onChange={(d) => setPaidOn(d ? d.format('YYYY-MM-DD') : null)} placeholder={t('field.paidOn')} />
                <Button
                  type="primary"
                  disabled={!paidOn}
                  loading={act.isPending}
                  onClick={() => void feedback.confirm({ title: t('detail.payConfirm', { center: m.centerName, amount: yuan(m.totalFen), on: paidOn }), okText: t('detail.pay') }).then((ok) => ok && act.mutate('pay'))}
                >
                  {t('detail.pay')}
                </Button>
              </Space.Compact>
            )}
          </Space>
          <Table<LineView>
            rowKey="id"
            size="small"
            dataSource={m.lines}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: t('field.child'), dataIndex: 'childName', key: 'child' },
              { title: t('field.rule'), dataIndex: 'ruleCode', key: 'rule', render: (v: string) => rule(v) },
              { title: t('field.rateYuan'), dataIndex: 'rateFen', key: 'rate', align: 'right', render: (v: number) => yuan(v) },
              { title: t('field.days'), key: 'days', align: 'right', render: (_, l) => `${l.days}/${l.daysInMonth}` },
              { title: t('field.spans'), dataIndex: 'spans', key: 'spans', render: (v: [string, string][]) => v.map(([a, b]) => (a === b ? a.slice(5) : `${a.slice(5)}~${b.slice(5)}`)).join('，') },
              { title: t('field.amountYuan'), dataIndex: 'amountFen', key: 'amount', align: 'right', render: (v: number) => yuan(v) },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}
