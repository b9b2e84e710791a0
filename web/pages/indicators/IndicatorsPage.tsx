import { useQuery } from '@tanstack/react-query';
import { Alert, Space, Table, Tag, Typography } from 'antd';
import { Source } from '../../components/Source.tsx';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api.ts';
import type { IndicatorView } from '../../../src/modules/indicators/contract.ts';

type TargetRow = IndicatorView['targets'][number];

/** The registry: definitions, their sources and the targets by unit and year. */
export function IndicatorsPage() {
  const { t, i18n } = useTranslation('indicators');
  const zh = i18n.language === 'zh-CN';
  const q = useQuery({ queryKey: ['indicators'], queryFn: () => api.get<IndicatorView[]>('/indicators') });
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('registry.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('registry.intro')}
      </Typography.Paragraph>
      <Alert type="info" showIcon message={t('registry.bands')} />
      <Table<IndicatorView>
        data-testid="registry-table"
        rowKey="code"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowRender: (i) => (
            <Table<TargetRow>
              size="small"
              rowKey={(r) => `${r.unitCode}-${r.year}`}
              dataSource={i.targets}
              pagination={false}
              columns={[
                { title: t('registry.targetUnit'), dataIndex: 'unitName', key: 'u' },
                { title: t('cockpit.year'), dataIndex: 'year', key: 'y', sorter: (a, b) => a.year - b.year },
                { title: t('registry.kind'), dataIndex: 'kind', key: 'k', render: (k: string) => t(`registry.kinds.${k}`) },
                { title: t('cockpit.target'), dataIndex: 'value', key: 'v', render: (v: number | null) => (v === null ? '—' : `${v} ${t(`units.${i.unit}`)}`) },
                { title: t('cockpit.source'), dataIndex: 'source', key: 's', render: (s: string) => <Source text={s} /> },
              ]}
            />
          ),
          rowExpandable: (i) => i.targets.length > 0,
        }}
        columns={[
          { title: t('registry.name'), key: 'name', render: (_: unknown, i) => <Link to={`/cockpit?indicator=${encodeURIComponent(i.code)}`}>{zh ? i.nameZh : i.nameEn}</Link> },
          { title: t('registry.theme'), dataIndex: 'theme', key: 'theme', render: (x: string) => <Tag>{t(`themes.${x}`)}</Tag>, filters: ['childcare', 'health'].map((x) => ({ text: t(`themes.${x}`), value: x })), onFilter: (v, i) => i.theme === v },
          { title: t('cockpit.numerator'), key: 'num', render: (_: unknown, i) => (zh ? i.numerator.nameZh : i.numerator.nameEn) },
          { title: t('cockpit.denominator'), key: 'den', render: (_: unknown, i) => (i.denominator ? (zh ? i.denominator.nameZh : i.denominator.nameEn) : '—') },
          { title: t('registry.unit'), dataIndex: 'unit', key: 'unit', render: (u: string) => t(`units.${u}`) },
          { title: t('registry.direction'), dataIndex: 'direction', key: 'dir', render: (d: string) => t(`direction.${d}`) },
          { title: t('registry.minLevel'), dataIndex: 'minLevel', key: 'lvl', render: (l: number) => t(`levels.${l}`) },
          { title: t('registry.targets'), key: 'targets', render: (_: unknown, i) => i.targets.length },
          { title: t('cockpit.source'), dataIndex: 'source', key: 'source', render: (s: string) => <Source text={s} /> },
        ]}
      />
      <Alert type="warning" showIcon message={t('registry.notLoaded')} />
    </Space>
  );
}
