import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import type { z } from 'zod';
import type { standardView } from '../../../src/modules/grading/contract.ts';

export type Standard = z.infer<typeof standardView>;
export type Locale = 'zh-CN' | 'en-US';

export function useStandard() {
  return useQuery({ queryKey: ['grading-standard'], queryFn: () => api.get<Standard>('/grading/standard'), staleTime: Infinity });
}

/** The standard's dimensions and items with their points, the basic (veto) items, and the provisional pass marks. */
export function StandardTab() {
  const { t, i18n } = useTranslation('grading');
  const lng = (i18n.language === 'en-US' ? 'en-US' : 'zh-CN') as Locale;
  const s = useStandard().data;
  if (!s) return null;
  const rows = s.dimensions.flatMap((d) => d.items.map((i) => ({ ...i, dimension: d.name[lng], dimensionMax: d.max })));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Alert type="warning" showIcon message={t('standard.pending')} description={s.pending} />
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label={t('standard.title')}>{s.title}</Descriptions.Item>
        <Descriptions.Item label="version">{s.version}</Descriptions.Item>
        {(['cityModel', 'grade1', 'grade2', 'grade3'] as const).map((l) => (
          <Descriptions.Item key={l} label={t(`level.${l}`)}>
            ≥ {s.levels.minTotal[l]}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('field.item'), key: 'dimension', dataIndex: 'dimension', onCell: (r, i) => ({ rowSpan: i !== undefined && (i === 0 || rows[i - 1].dimension !== r.dimension) ? rows.filter((x) => x.dimension === r.dimension).length : 0 }), render: (v: string, r) => `${v}（${r.dimensionMax}）` },
          { title: t('field.clause'), dataIndex: 'clause', key: 'clause', width: 80 },
          { title: t('field.item'), key: 'name', render: (_, r) => (<>{r.name[lng]} {r.veto && <Tag color="red">{t('standard.veto')}</Tag>}</>) },
          { title: t('field.max'), dataIndex: 'max', key: 'max', align: 'right', width: 70 },
        ]}
      />
    </Space>
  );
}
