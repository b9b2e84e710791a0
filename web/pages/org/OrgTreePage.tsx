import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Empty, Row, Table, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import type { Population, UnitDetail, UnitSummary } from '../../../src/modules/org/contract.ts';

interface Node extends TreeDataNode {
  key: string;
  children?: Node[];
}

function toNode(u: UnitSummary): Node {
  return { key: u.code, title: u.name, isLeaf: u.childCount === 0 };
}

function attach(nodes: Node[], key: string, children: Node[]): Node[] {
  return nodes.map((n) => (n.key === key ? { ...n, children } : n.children ? { ...n, children: attach(n.children, key, children) } : n));
}

export function OrgTreePage() {
  const { t } = useTranslation(['org', 'common']);
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const selected = params.get('unit') ?? user!.unitCode;
  const root = useQuery({ queryKey: ['org-unit', user!.unitCode], queryFn: () => api.get<UnitDetail>(`/org-units/${user!.unitCode}`) });
  const [tree, setTree] = useState<Node[]>([]);

  useEffect(() => {
    if (root.data) setTree([{ key: root.data.code, title: root.data.name, isLeaf: root.data.childCount === 0 }]);
  }, [root.data]);

  const loadData = async (node: { key: React.Key }) => {
    const kids = await api.get<UnitSummary[]>(`/org-units/${String(node.key)}/children`);
    setTree((prev) => attach(prev, String(node.key), kids.map(toNode)));
  };

  const detail = useQuery({ queryKey: ['org-unit', selected], queryFn: () => api.get<UnitDetail>(`/org-units/${selected}`) });
  const children = useQuery({ queryKey: ['org-children', selected], queryFn: () => api.get<UnitSummary[]>(`/org-units/${selected}/children`) });
  const d = detail.data;

  const popColumns = (['residents', 'children0to2', 'children0to17', 'elderly60', 'elderly65'] as const).map((k) => ({
    title: t(`common:population.${k}`),
    key: k,
    align: 'right' as const,
    render: (_: unknown, r: { population?: Population | null } & Partial<Population>) =>
      (r.population ? r.population[k] : r[k])?.toLocaleString() ?? '—',
  }));

  return (
    <Row gutter={16}>
      <Col flex="320px">
        <Card title={t('tree')} styles={{ body: { maxHeight: 'calc(100vh - 190px)', overflow: 'auto' } }}>
          {tree.length > 0 && (
            <Tree
              treeData={tree}
              loadData={loadData}
              defaultExpandedKeys={[user!.unitCode]}
              selectedKeys={[selected]}
              onSelect={(keys) => keys[0] && setParams({ unit: String(keys[0]) })}
              data-testid="org-tree"
            />
          )}
        </Card>
      </Col>
      <Col flex="auto">
        {d ? (
          <Card
            title={
              <span data-testid="unit-title">
                {d.path.map((p) => p.name).join(' / ')}
              </span>
            }
          >
            <Descriptions
              column={3}
              size="small"
              items={[
                { key: 'code', label: t('code'), children: d.code },
                { key: 'level', label: t('level'), children: t(`common:level.${d.level}`) },
                { key: 'kind', label: t('kind'), children: t(`common:kind.${d.kind}`) },
                ...(d.level === 4
                  ? [
                      { key: 'future', label: t('futureCommunity'), children: d.futureCommunity ? <Tag color="green">{t('common:yes')}</Tag> : t('common:no') },
                      { key: 'res', label: t('residentialArea'), children: d.residentialArea ? t(`residential.${d.residentialArea}`) : '—' },
                    ]
                  : [{ key: 'children', label: t('childCount'), children: d.childCount }]),
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 24 }}>
              {t('populationBase')}
            </Typography.Title>
            <Table
              size="small"
              rowKey="year"
              pagination={false}
              dataSource={d.population}
              columns={[{ title: t('common:year'), dataIndex: 'year', key: 'year' }, ...popColumns]}
            />
            {d.childCount > 0 && (
              <>
                <Typography.Title level={5} style={{ marginTop: 24 }}>
                  {t('children')}（{d.population.at(-1)?.year}）
                </Typography.Title>
                <Table
                  size="small"
                  rowKey="code"
                  loading={children.isLoading}
                  dataSource={children.data ?? []}
                  pagination={{ pageSize: 20, showSizeChanger: false }}
                  onRow={(r) => ({ onClick: () => setParams({ unit: r.code }), style: { cursor: 'pointer' } })}
                  columns={[
                    { title: t('name'), dataIndex: 'name', key: 'name', render: (v: string, r) => <a>{v}{r.futureCommunity && <Tag color="green" style={{ marginInlineStart: 8 }}>{t('futureCommunity')}</Tag>}</a> },
                    { title: t('code'), dataIndex: 'code', key: 'code' },
                    { title: t('kind'), dataIndex: 'kind', key: 'kind', render: (v: string) => t(`common:kind.${v}`) },
                    ...popColumns,
                  ]}
                />
              </>
            )}
            <Alert style={{ marginTop: 16 }} type="info" showIcon message={t('populationNote')} description={t('divisionSource', { year: d.divisionYear })} />
          </Card>
        ) : (
          <Card>{detail.isError ? <Empty /> : null}</Card>
        )}
      </Col>
    </Row>
  );
}
