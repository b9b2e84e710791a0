import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { api } from '../../api.ts';
import { useTranslation } from 'react-i18next';
import type { MealPlanView } from '../../../src/modules/family/contract.ts';
import { MEALS } from '../../../src/modules/family/nutrition.ts';

type Dish = MealPlanView['dishes'][number];

export function NutritionSummary({ plan }: { plan: MealPlanView }) {
  const { t } = useTranslation('family');
  const a = plan.dailyAverage;
  return (
    <Card size="small" title={t('meals.dailyAverage')}>
      <Row gutter={16}>
        <Col span={5}>
          <Statistic title={t('meals.energy')} value={a.energyKcal} />
        </Col>
        <Col span={5}>
          <Statistic title={t('meals.protein')} value={a.proteinG} precision={1} />
        </Col>
        <Col span={5}>
          <Statistic title={t('meals.fat')} value={a.fatG} precision={1} />
        </Col>
        <Col span={5}>
          <Statistic title={t('meals.carbohydrate')} value={a.carbohydrateG} precision={1} />
        </Col>
        <Col span={4}>
          <Statistic title={t('meals.fibre')} value={a.fibreG} precision={1} />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        {t('meals.source', { source: plan.source })}
      </Typography.Paragraph>
    </Card>
  );
}

export function MealPlanTable({ plan }: { plan: MealPlanView }) {
  const { t, i18n } = useTranslation('family');
  const weekdays = t('meals.weekdays', { returnObjects: true }) as string[];
  const foods = useQuery({ queryKey: ['family-foods'], queryFn: () => api.get<{ foods: { code: string; name: string; nameEn: string }[] }>('/family/foods'), staleTime: Infinity });
  const names = new Map((foods.data?.foods ?? []).map((f) => [f.code, i18n.language === 'en-US' ? f.nameEn : f.name.replace(/[（［(\[].*$/, '')]));
  const rows = [...plan.dishes].sort((x, y) => x.weekday - y.weekday || MEALS.indexOf(x.meal) - MEALS.indexOf(y.meal));
  const dayTotals = new Map(plan.days.map((d) => [d.weekday, d]));
  return (
    <Table<Dish>
      rowKey={(d) => `${d.weekday}-${d.meal}-${d.name}`}
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="meal-plan"
      columns={[
        {
          title: t('meals.weekday'),
          dataIndex: 'weekday',
          render: (v: number) => (
            <>
              {weekdays[v]}
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {dayTotals.get(v)?.totals.energyKcal} kcal
              </Typography.Text>
            </>
          ),
          onCell: (d, i) => {
            const first = rows.findIndex((r) => r.weekday === d.weekday);
            return { rowSpan: i === first ? rows.filter((r) => r.weekday === d.weekday).length : 0 };
          },
        },
        { title: t('meals.mealCol'), dataIndex: 'meal', render: (v) => t(`meal.${v}`) },
        { title: t('meals.dish'), dataIndex: 'name' },
        { title: t('meals.ingredients'), render: (_, d) => d.ingredients.map((i) => `${names.get(i.food) ?? i.food} ${i.grams}g`).join('，') },
        { title: t('meals.energy'), render: (_, d) => d.nutrients.energyKcal },
        { title: t('meals.protein'), render: (_, d) => d.nutrients.proteinG },
        { title: t('meals.fat'), render: (_, d) => d.nutrients.fatG },
        { title: t('meals.carbohydrate'), render: (_, d) => d.nutrients.carbohydrateG },
      ]}
    />
  );
}
