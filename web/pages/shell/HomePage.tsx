import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { Chart } from '../../components/Chart.tsx';
import type { UnitDetail, UnitSummary } from '../../../src/modules/org/contract.ts';

export function HomePage() {
  const { t } = useTranslation(['shell', 'common']);
  const { user, can } = useAuth();
  const scope = user!.unitCode;
  const unit = useQuery({ queryKey: ['org-unit', scope], queryFn: () => api.get<UnitDetail>(`/org-units/${scope}`), enabled: can('org.read') });
  const children = useQuery({
    queryKey: ['org-children', scope],
    queryFn: () => api.get<UnitSummary[]>(`/org-units/${scope}/children`),
    enabled: can('org.read'),
  });
  const latest = unit.data?.population.at(-1);
  const kids = children.data ?? [];

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('welcome', { name: user?.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('homeIntro')}</Typography.Paragraph>
      {latest && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            {(['residents', 'children0to2', 'elderly60'] as const).map((k) => (
              <Col span={8} key={k}>
                <Card>
                  <Statistic title={`${unit.data?.name} · ${t(`stats.${k}`)}（${latest.year}）`} value={latest[k]} />
                </Card>
              </Col>
            ))}
          </Row>
          {kids.length > 0 && (
            <Card title={`${unit.data?.name} · ${t('common:population.children0to2')} / ${t('common:population.elderly60')}（${latest.year}）`}>
              <Chart
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { data: [t('common:population.children0to2'), t('common:population.elderly60')] },
                  grid: { left: 60, right: 60, bottom: 60 },
                  xAxis: { type: 'category', data: kids.map((k) => k.name), axisLabel: { interval: 0, rotate: kids.length > 8 ? 35 : 0 } },
                  yAxis: [
                    { type: 'value', name: t('common:population.children0to2') },
                    { type: 'value', name: t('common:population.elderly60') },
                  ],
                  series: [
                    { name: t('common:population.children0to2'), type: 'bar', data: kids.map((k) => k.population?.children0to2 ?? 0) },
                    { name: t('common:population.elderly60'), type: 'bar', yAxisIndex: 1, data: kids.map((k) => k.population?.elderly60 ?? 0) },
                  ],
                }}
              />
            </Card>
          )}
        </>
      )}
    </div>
  );
}
