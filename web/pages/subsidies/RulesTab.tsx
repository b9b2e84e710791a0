import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import type { RuleView } from '../../../src/modules/subsidies/contract.ts';
import { yuan } from './money.ts';
import { useConditionText } from '../elderly/shared.tsx';
import { useCite } from '../../components/Source.tsx';

/** Every version of the rules: dated data with their conditions and source. */
export function RulesTab() {
  const { t } = useTranslation(['subsidies', 'grading', 'childcare']);
  const cite = useCite();
  const rules = useQuery({ queryKey: ['subsidy-rules'], queryFn: () => api.get<RuleView[]>('/subsidies/rules') });
  // The elderly programme's conditions (ages, economic status, ability level) read in words.
  const elderlyConditions = useConditionText();
  // Condition values are codes: a grade level, an operator kind; each is shown by its name.
  const one = (fact: string, x: unknown) => (fact === 'center.operatorKind' ? t(`childcare:operatorKind.${String(x)}`) : t(`grading:level.${String(x)}`, { defaultValue: String(x) }));
  const value = (fact: string, v: unknown) => (Array.isArray(v) ? v.map((x) => one(fact, x)).join(' / ') : v === true ? '✓' : one(fact, v));
  return (
    <Table<RuleView>
      rowKey="id"
      size="middle"
      loading={rules.isLoading}
      dataSource={rules.data ?? []}
      pagination={false}
      expandable={{ expandedRowRender: (r) => <Typography.Paragraph style={{ margin: 0 }} type="secondary">{t('rules.source')}：{cite(r.source)}</Typography.Paragraph> }}
      columns={[
        { title: t('field.rule'), dataIndex: 'code', key: 'code', render: (v: string) => t(`rule.${v}`, { defaultValue: v }) },
        { title: t('field.kind'), dataIndex: 'kind', key: 'kind', render: (v: string) => t(`kind.${v}`) },
        { title: t('field.unitOfPayment'), dataIndex: 'unit', key: 'unit', render: (v: string) => t(`unit.${v}`) },
        { title: t('field.amount'), dataIndex: 'amountFen', key: 'amount', align: 'right', render: (v: number) => yuan(v) },
        { title: t('field.basis'), dataIndex: 'basis', key: 'basis', render: (v: string) => t(`basis.${v}`) },
        { title: t('field.conditions'), dataIndex: 'conditions', key: 'conditions', render: (cs: RuleView['conditions'], r) => r.programme === 'elderly' ? elderlyConditions(cs) : cs.map((c) => `${t(`fact.${c.fact}`, { defaultValue: c.fact })}${typeof c.value === 'boolean' ? '' : `：${value(c.fact, c.value)}`}`).join('；') },
        { title: t('field.effectiveFrom'), dataIndex: 'effectiveFrom', key: 'from' },
        { title: t('field.effectiveTo'), dataIndex: 'effectiveTo', key: 'to', render: (v: string | null) => v ?? '—' },
        { title: t('field.status'), dataIndex: 'inEffect', key: 'inEffect', render: (v: boolean) => (v ? <Tag color="green">{t('rules.inEffect')}</Tag> : <Tag>{t('rules.expired')}</Tag>) },
      ]}
    />
  );
}
