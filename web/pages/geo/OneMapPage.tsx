import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../components/formErrors.ts';
import { api, ApiError, qs } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { Chart } from '../../components/Chart.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import type { CircleView, FacilitiesView, FindingsView } from '../../../src/modules/geo/contract.ts';
import { html } from '../../components/escapeHtml.ts';
import { registerOneMap } from './mapRegistry.ts';
import { CircleMap } from './CircleMap.tsx';
import { LocationsImport } from './LocationsImport.tsx';

interface MapData {
  counties: { type: 'FeatureCollection'; features: { properties: { code: string; name: string } }[] };
  points: { code: string; name: string; lon: number; lat: number }[];
}

const KIND_COLORS = ['#1677ff', '#eb2f96', '#52c41a', '#fa8c16', '#722ed1', '#13c2c2'];


/** 一张图: facilities by kind over the county outlines, and the 15-minute analysis of a unit. */
export function OneMapPage() {
  const { t, i18n } = useTranslation(['indicators', 'common']);
  const zh = i18n.language === 'zh-CN';
  const { user, can } = useAuth();
  const [state, update] = useUrlState({ kind: undefined, unit: undefined, circleKind: undefined, circleUnit: undefined } as Record<string, string | undefined>);
  const map = useQuery({ queryKey: ['geo-map'], queryFn: () => api.get<MapData>('/geo/map') });
  const fac = useQuery({ queryKey: ['geo-facilities', state.kind, state.unit], queryFn: () => api.get<FacilitiesView>(`/geo/facilities${qs({ kind: state.kind, unit: state.unit })}`) });
  const available = (fac.data?.kinds ?? []).filter((k) => k.available);
  const circleKind = state.circleKind ?? (available.find((k) => k.count > 0) ?? available[0])?.code;
  const circle = useQuery({
    queryKey: ['geo-circle', circleKind, state.circleUnit],
    enabled: Boolean(circleKind),
    queryFn: () => api.get<CircleView>(`/geo/service-circle${qs({ kind: circleKind, unit: state.circleUnit })}`),
  });
  const findings = useQuery({
    queryKey: ['geo-findings', state.circleUnit],
    queryFn: () => api.get<FindingsView>(`/geo/planning-findings${qs({ unit: state.circleUnit })}`),
  });
  const kindName = (code: string) => {
    const k = fac.data?.kinds.find((x) => x.code === code);
    return k ? (zh ? k.nameZh : k.nameEn) : code;
  };

  const option = useMemo(() => {
    if (!map.data || !fac.data) return null;
    registerOneMap(map.data.counties);
    const kinds = fac.data.kinds.filter((k) => k.available);
    return {
      tooltip: { trigger: 'item', formatter: (p: { data?: { text: string } }) => p.data?.text ?? '' },
      legend: { top: 4, data: kinds.map((k) => (zh ? k.nameZh : k.nameEn)) },
      geo: { map: 'kangyu-onemap', roam: true, label: { show: true, fontSize: 11, color: '#555' }, itemStyle: { areaColor: '#f5f7fa', borderColor: '#8c8c8c' } },
      series: kinds.map((k, i) => ({
        name: zh ? k.nameZh : k.nameEn,
        type: 'scatter',
        coordinateSystem: 'geo',
        symbolSize: (v: number[]) => Math.max(7, Math.min(22, Math.sqrt(v[2] || 1) * 2)),
        itemStyle: { color: KIND_COLORS[i % KIND_COLORS.length], opacity: 0.85 },
        data: fac.data.facilities
          .filter((f) => f.kind === k.code && f.lon !== null)
          .map((f) => ({ value: [f.lon, f.lat, f.capacity ?? 0], text: html`${f.name}<br/>${f.unitName} · ${t('map.capacity')} ${f.capacity ?? '—'}${f.inUse !== null ? ` · ${t('map.inUse')} ${f.inUse}` : ''}` })),
      })),
    };
  }, [map.data, fac.data, i18n.language]);

  const c = circle.data;
  const pct = (x: number | null | undefined) => (x == null ? '—' : `${(x * 100).toFixed(1)}%`);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('map.title')}
      </Typography.Title>
      <Form layout="inline" key={JSON.stringify(state)} initialValues={state} onFinish={(v) => update({ kind: v.kind, unit: v.unit })}>
        <Form.Item name="kind" label={t('map.kind')}>
          <Select allowClear placeholder={t('map.allKinds')} style={{ width: 220 }} options={available.map((k) => ({ value: k.code, label: zh ? k.nameZh : k.nameEn }))} />
        </Form.Item>
        {user!.unitCode.length < 9 && (
          <Form.Item name="unit" label={t('map.unit')}>
            <UnitPicker style={{ width: 240 }} />
          </Form.Item>
        )}
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common:actions.search')}
          </Button>
        </Form.Item>
      </Form>
      {(fac.error || map.error) && <Alert type="warning" showIcon message={errorText(fac.error ?? map.error)} />}
      <Row gutter={16}>
        <Col xs={24} xxl={14}>
          <Card size="small" title={t('map.facilities')}>
            <div data-testid="one-map">{option && <Chart option={option} height={520} />}</div>
            <Typography.Text type="secondary">{t('map.approximate')}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} xxl={10}>
          <Card size="small" title={t('map.kind')}>
            <Table
              data-testid="kinds-table"
              size="small"
              scroll={{ x: 'max-content' }}
              rowKey="code"
              pagination={false}
              dataSource={fac.data?.kinds ?? []}
              columns={[
                { title: t('map.kind'), key: 'n', render: (_: unknown, k) => (zh ? k.nameZh : k.nameEn) },
                { title: t('map.count'), key: 'c', render: (_: unknown, k) => (k.available ? k.count : <Tag>{t('map.unavailable')}</Tag>) },
                { title: t('map.capacity'), key: 'cap', render: (_: unknown, k) => (k.available ? `${k.capacity} ${zh ? k.capacityZh : k.capacityEn}` : '') },
                { title: t('map.inUse'), key: 'use', render: (_: unknown, k) => (k.available ? (k.inUse ?? '—') : '') },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title={t('map.facilities')}
      >
        <Table
          size="small"
          rowKey="id"
          dataSource={fac.data?.facilities ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('map.kind'), dataIndex: 'kind', key: 'k', render: (k: string) => kindName(k) },
            { title: t('map.name'), dataIndex: 'name', key: 'n', sorter: (a, b) => a.name.localeCompare(b.name, 'zh') },
            { title: t('map.unit'), dataIndex: 'unitName', key: 'u' },
            { title: t('map.capacity'), dataIndex: 'capacity', key: 'c', sorter: (a, b) => (a.capacity ?? 0) - (b.capacity ?? 0) },
            { title: t('map.inUse'), dataIndex: 'inUse', key: 'i', render: (x: number | null) => x ?? '—' },
            { title: t('map.affordable'), dataIndex: 'affordable', key: 'a', render: (x: boolean | null) => (x ? t('map.yes') : '') },
            { title: t('map.located'), dataIndex: 'located', key: 'l', render: (x: string) => (x === 'own' ? t('map.locatedOwn') : t('map.locatedUnit')) },
          ]}
        />
      </Card>
      <Card size="small" title={t('map.circle')}>
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          <Form layout="inline" key={`c-${circleKind}-${state.circleUnit}`} initialValues={{ circleKind, circleUnit: state.circleUnit }} onFinish={(v) => update({ circleKind: v.circleKind, circleUnit: v.circleUnit })}>
            <Form.Item name="circleKind" label={t('map.kind')}>
              <Select data-testid="circle-kind" style={{ width: 220 }} options={available.map((k) => ({ value: k.code, label: zh ? k.nameZh : k.nameEn }))} />
            </Form.Item>
            {user!.unitCode.length < 9 && (
              <Form.Item name="circleUnit" label={t('map.unit')}>
                <UnitPicker style={{ width: 240 }} />
              </Form.Item>
            )}
            <Form.Item>
              <Button type="primary" htmlType="submit">
                {t('map.analyse')}
              </Button>
            </Form.Item>
          </Form>
          {circle.error && <Alert type="warning" showIcon message={errorText(circle.error)} />}
          {c && (
            <>
              <Row gutter={16}>
                <Col xs={12} md={4}><Statistic title={t('map.facilities')} value={c.facilities} /></Col>
                <Col xs={12} md={5}><Statistic title={t('map.villageCoverage')} value={pct(c.villageCoverage)} /></Col>
                <Col xs={12} md={5}><Statistic title={t('map.gridCoverage')} value={pct(c.grid.coverage)} /></Col>
                <Col xs={12} md={4}><Statistic title={t('map.gridCells')} value={c.grid.cells} /></Col>
                <Col xs={12} md={3}><Statistic title={t('map.gini')} value={c.balance.gini ?? '—'} /></Col>
                <Col xs={12} md={3}><Statistic title={t('map.theil')} value={c.balance.theil ?? '—'} /></Col>
              </Row>
              {map.data && <CircleMap circle={c} counties={map.data.counties} />}
              <Typography.Text type="secondary">{t('map.approximate')}</Typography.Text>
              <Alert
                type="info"
                message={t('map.method')}
                description={t('map.methodText', { detour: c.params.detourFactor, speed: c.params.walkMetresPerMinute, minutes: c.params.minutes, reach: c.params.reachMetres })}
              />
              <Typography.Title level={5}>{t('map.balance')}</Typography.Title>
              <Table
                size="small"
                rowKey="code"
                dataSource={c.townships}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                columns={[
                  { title: t('cockpit.unitName'), dataIndex: 'name', key: 'n' },
                  { title: t('map.population'), dataIndex: 'residents', key: 'r' },
                  { title: t('map.capacity'), dataIndex: 'capacity', key: 'c' },
                  { title: t('map.perThousand'), dataIndex: 'perThousand', key: 'p', sorter: (a, b) => a.perThousand - b.perThousand },
                  { title: t('map.villageCoverage'), dataIndex: 'coverage', key: 'v', render: (x: number | null) => pct(x) },
                ]}
              />
              <Table
                data-testid="circle-table"
                size="small"
                rowKey="code"
                dataSource={c.villages}
                pagination={{ pageSize: 10 }}
                scroll={{ x: 'max-content' }}
                columns={[
                  { title: t('map.village'), dataIndex: 'name', key: 'n' },
                  { title: t('map.population'), dataIndex: 'population', key: 'p', sorter: (a, b) => a.population - b.population },
                  { title: t('map.nearestMinutes'), dataIndex: 'nearestMinutes', key: 'm', sorter: (a, b) => (a.nearestMinutes ?? 1e9) - (b.nearestMinutes ?? 1e9), render: (x: number | null) => x ?? '—' },
                  { title: t('map.nearest'), dataIndex: 'nearestName', key: 'f', render: (x: string | null) => x ?? '—' },
                  { title: t('map.placesWithin'), dataIndex: 'placesWithin', key: 'w' },
                  { title: t('map.covered'), dataIndex: 'covered', key: 'c', filters: [{ text: t('map.yes'), value: true }, { text: t('map.no'), value: false }], onFilter: (v, r) => r.covered === v, render: (x: boolean) => (x ? <Tag color="green">{t('map.yes')}</Tag> : <Tag color="red">{t('map.no')}</Tag>) },
                ]}
              />
            </>
          )}
        </Space>
      </Card>
      <Card size="small" title={t('map.norms')}>
        {findings.error && <Alert type="warning" showIcon message={errorText(findings.error)} />}
        {findings.data && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('map.normsSummary', { year: findings.data.year, checked: findings.data.checked, count: findings.data.findings.length })}</Typography.Text>
            <Table
              data-testid="findings-table"
              size="small"
              rowKey={(f) => `${f.unitCode}-${f.norm}`}
              dataSource={findings.data.findings}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('map.unit'), dataIndex: 'unitName', key: 'u' },
                { title: t('map.norm'), dataIndex: 'norm', key: 'n', filters: ['placesNewCommunity', 'placesExistingCommunity', 'affordableShareOfNewPlaces'].map((n) => ({ text: t(`map.normNames.${n}`), value: n })), onFilter: (v, f) => f.norm === v, render: (n: string) => t(`map.normNames.${n}`) },
                { title: t('map.actual'), dataIndex: 'actual', key: 'a' },
                { title: t('map.required'), dataIndex: 'required', key: 'r' },
                { title: t('map.shortfall'), dataIndex: 'shortfall', key: 's', sorter: (a, b) => a.shortfall - b.shortfall },
              ]}
            />
            {findings.data.notCheckable.map((n) => (
              <Alert key={n.code} type="info" showIcon message={t(`map.notCheckable.${n.code}`)} />
            ))}
          </Space>
        )}
      </Card>
      {can('imports.run') && <LocationsImport />}
    </Space>
  );
}
