import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Drawer, Empty, Row, Select, Space, Statistic, Table, Typography, message } from 'antd';
import { Source } from '../../components/Source.tsx';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts';
import { errorText } from '../../components/formErrors.ts';
import { api, ApiError, qs } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { Chart } from '../../components/Chart.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import type { CockpitView, IndicatorView, UnitValue, WhyView } from '../../../src/modules/indicators/contract.ts';
import { formatValue, TargetNote, WarningTag, WARNING_HEX } from './labels.tsx';

interface MapData {
  source: string;
  counties: { type: 'FeatureCollection'; features: { properties: { code: string; name: string } }[] };
  points: { code: string; name: string; level: number; lon: number; lat: number }[];
}

const registered = new Set<string>();
/** Registers the county outlines once per scope: the city's six, or one county's own. */
function mapName(map: MapData, unit: string): string {
  const code = unit.length >= 6 ? unit.slice(0, 6) : '3306';
  const name = `kangyu-${code}`;
  if (!registered.has(name)) {
    const features = code === '3306' ? map.counties.features : map.counties.features.filter((f) => f.properties.code === code);
    echarts.registerMap(name, { type: 'FeatureCollection', features } as never);
    registered.add(name);
  }
  return name;
}

function shade(value: number | null, max: number): string {
  if (value === null) return '#f0f0f0';
  const k = max > 0 ? Math.min(1, value / max) : 0;
  return `rgba(22, 119, 255, ${0.12 + 0.75 * k})`;
}

const colorOf = (v: UnitValue, max: number) => (v.color ? WARNING_HEX[v.color] : shade(v.value, max));


export function CockpitPage() {
  const { t, i18n } = useTranslation(['indicators', 'shell', 'common']);
  const zh = i18n.language === 'zh-CN';
  const { user, can } = useAuth();
  const qc = useQueryClient();
  const [state, update] = useUrlState({ indicator: undefined, year: undefined, unit: undefined } as Record<string, string | undefined>);
  const [why, setWhy] = useState<{ unit: string; year: number } | null>(null);
  const registry = useQuery({ queryKey: ['indicators'], queryFn: () => api.get<IndicatorView[]>('/indicators') });
  const indicator = state.indicator ?? registry.data?.[0]?.code;
  const view = useQuery({
    queryKey: ['cockpit', indicator, state.year, state.unit],
    enabled: Boolean(indicator),
    queryFn: () => api.get<CockpitView>(`/indicators/cockpit${qs({ indicator, year: state.year, unit: state.unit })}`),
  });
  const map = useQuery({ queryKey: ['geo-map'], queryFn: () => api.get<MapData>('/geo/map') });
  const refresh = useMutation({
    mutationFn: () => api.post<{ values: number }>('/indicators/refresh'),
    onSuccess: (r) => {
      void message.success(t('cockpit.refreshed', { count: r.values }));
      void qc.invalidateQueries({ queryKey: ['cockpit'] });
    },
  });
  const v = view.data;
  const def = v?.indicator;
  const name = (x: { nameZh: string; nameEn: string }) => (zh ? x.nameZh : x.nameEn);
  const fmt = (x: number | null) => formatValue(x, def?.unit ?? 'count', t);
  const drill = (code: string) => update({ unit: code });

  const mapOption = useMemo(() => {
    if (!v || !map.data || v.unitCode.length > 6) return null;
    const max = Math.max(0, ...v.children.map((c) => c.value ?? 0), ...v.townships.map((c) => c.value ?? 0));
    const counties = v.unitCode.length === 4 ? v.children : v.current ? [v.current] : [];
    const pts = new Map(map.data.points.map((p) => [p.code, p]));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { componentType: string; name: string; data?: { label: string; text: string } }) =>
          p.data?.label ? `${p.data.label}<br/>${p.data.text}` : (counties.find((c) => c.unitCode === p.name)?.unitName ?? p.name),
      },
      geo: {
        map: mapName(map.data, v.unitCode),
        nameProperty: 'code',
        roam: true,
        label: { show: true, formatter: (p: { name: string }) => counties.find((c) => c.unitCode === p.name)?.unitName ?? '', fontSize: 11 },
        itemStyle: { borderColor: '#fff', borderWidth: 1.5 },
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#bae0ff' } },
        regions: counties.map((c) => ({ name: c.unitCode, itemStyle: { areaColor: colorOf(c, max), opacity: 0.85 } })),
      },
      series: [
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: 11,
          itemStyle: { borderColor: '#333', borderWidth: 0.6 },
          data: v.townships
            .filter((c) => pts.has(c.unitCode))
            .map((c) => ({
              name: c.unitCode,
              value: [pts.get(c.unitCode)!.lon, pts.get(c.unitCode)!.lat, c.value],
              label: c.unitName,
              text: `${fmt(c.value)}${c.color ? ` · ${t(`colors.${c.color}`)}` : ''}`,
              itemStyle: { color: colorOf(c, max) },
            })),
        },
      ],
    };
  }, [v, map.data, i18n.language]);

  const trendOption = useMemo(
    () =>
      v && {
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: [t('cockpit.value'), t('cockpit.target')] },
        grid: { left: 48, right: 24, top: 44, bottom: 28 },
        xAxis: { type: 'category', data: v.trend.map((x) => String(x.year)) },
        yAxis: { type: 'value', name: t(`units.${v.indicator.unit}`) },
        series: [
          {
            name: t('cockpit.value'),
            type: 'line',
            data: v.trend.map((x) => ({ value: x.value, itemStyle: { color: x.color ? WARNING_HEX[x.color] : '#1677ff' } })),
            symbolSize: 10,
            lineStyle: { color: '#1677ff' },
          },
          { name: t('cockpit.target'), type: 'line', data: v.trend.map((x) => x.target), lineStyle: { type: 'dashed', color: '#999' }, itemStyle: { color: '#999' } },
        ],
      },
    [v, i18n.language],
  );

  const rankingOption = useMemo(() => {
    if (!v) return null;
    const rows = [...v.ranking].reverse();
    const max = Math.max(0, ...rows.map((r) => r.value ?? 0));
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 110, right: 40, top: 10, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rows.map((r) => r.unitName), axisLabel: { width: 100, overflow: 'truncate' } },
      series: [{ type: 'bar', data: rows.map((r) => ({ value: r.value, name: r.unitCode, itemStyle: { color: colorOf(r, max) } })), label: { show: true, position: 'right', formatter: (p: { value: number | null }) => (p.value === null ? '' : Number(p.value).toFixed(2)) } }],
    };
  }, [v]);

  const unitColumns = [
    { title: t('cockpit.unitName'), dataIndex: 'unitName', key: 'unitName', render: (n: string, r: UnitValue) => (r.level < (def?.minLevel ?? 4) ? <a onClick={() => drill(r.unitCode)}>{n}</a> : n) },
    { title: t('cockpit.value'), dataIndex: 'value', key: 'value', sorter: (a: UnitValue, b: UnitValue) => (a.value ?? -1) - (b.value ?? -1), render: (x: number | null) => fmt(x) },
    { title: t('cockpit.numerator'), dataIndex: 'numerator', key: 'numerator' },
    ...(def?.denominator ? [{ title: t('cockpit.denominator'), dataIndex: 'denominator', key: 'denominator' }] : []),
    { title: t('cockpit.target'), dataIndex: 'target', key: 'target', render: (x: number | null, r: UnitValue) => (r.targetKind === 'historicalLow' ? t('cockpit.historicalLow') : x === null ? '—' : fmt(x)) },
    { title: t('cockpit.warning'), dataIndex: 'color', key: 'color', render: (c: UnitValue['color']) => <WarningTag color={c} /> },
    { title: '', key: 'why', render: (_: unknown, r: UnitValue) => <a onClick={() => setWhy({ unit: r.unitCode, year: r.year })}>{t('cockpit.why')}</a> },
  ];

  const exportUrl = (kind: 'xlsx' | 'pdf') =>
    v && `/indicators/report.${kind}${qs({ indicators: v.indicator.code, units: [v.unitCode, ...v.children.map((c) => c.unitCode)].join(','), years: v.years.join(',') })}`;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('cockpit.title')}
        </Typography.Title>
        <Space wrap>
          <Select
            data-testid="indicator-select"
            style={{ width: 360 }}
            value={indicator}
            loading={registry.isLoading}
            onChange={(code) => update({ indicator: code, year: undefined })}
            options={(registry.data ?? []).map((i) => ({ value: i.code, label: name(i) }))}
            showSearch
            optionFilterProp="label"
          />
          <Select data-testid="year-select" style={{ width: 100 }} value={v?.year} onChange={(y) => update({ year: String(y) })} options={(v?.years ?? []).map((y) => ({ value: y, label: String(y) }))} />
          <Button onClick={() => api.download(exportUrl('xlsx')!, 'indicators.xlsx')} disabled={!v}>
            {t('cockpit.exportXlsx')}
          </Button>
          <Button onClick={() => api.download(exportUrl('pdf')!, 'indicators.pdf')} disabled={!v}>
            {t('cockpit.exportPdf')}
          </Button>
          {can('indicators.refresh') && (
            <Button loading={refresh.isPending} onClick={() => refresh.mutate()}>
              {t('cockpit.refresh')}
            </Button>
          )}
        </Space>
      </Space>
      {(view.error || registry.error) && <Alert type="warning" showIcon message={errorText(view.error ?? registry.error)} />}
      {v && (
        <>
          <Breadcrumb
            data-testid="cockpit-path"
            items={v.path.map((p) => ({ title: p.code === v.unitCode ? p.name : <a onClick={() => drill(p.code)}>{p.name}</a> }))}
          />
          {v.refresh.changedAt && <Alert type="info" showIcon message={t('cockpit.stale')} />}
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Card>
                <Statistic title={`${name(v.indicator)} · ${v.year}`} value={fmt(v.current?.value ?? null)} valueStyle={{ color: v.current?.color ? WARNING_HEX[v.current.color] : undefined }} />
                <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
                  <Descriptions.Item label={t('cockpit.target')}>
                    {v.current?.targetKind === 'historicalLow' ? t('cockpit.historicalLow') : v.current?.target == null ? t('cockpit.noTarget') : fmt(v.current.target)}
                    <TargetNote value={v.current} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('cockpit.warning')}>
                    <WarningTag color={v.current?.color ?? null} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('cockpit.numerator')}>
                    {name(v.indicator.numerator)}{zh ? '：' : ': '}{v.current?.numerator ?? '—'}
                  </Descriptions.Item>
                  {v.indicator.denominator && (
                    <Descriptions.Item label={t('cockpit.denominator')}>
                      {name(v.indicator.denominator)}{zh ? '：' : ': '}{v.current?.denominator ?? '—'}
                    </Descriptions.Item>
                  )}
                  <Descriptions.Item label={t('cockpit.source')}>
                    <Source text={v.indicator.source} />
                  </Descriptions.Item>
                </Descriptions>
                <Space style={{ marginTop: 8 }}>
                  <Button size="small" onClick={() => setWhy({ unit: v.unitCode, year: v.year })}>
                    {t('cockpit.why')}
                  </Button>
                  <Typography.Text type="secondary">
                    {v.refresh.lastRefreshAt ? t('cockpit.lastRefresh', { time: new Date(v.refresh.lastRefreshAt).toLocaleString(i18n.language) }) : t('cockpit.neverRefreshed')}
                  </Typography.Text>
                </Space>
              </Card>
            </Col>
            <Col xs={24} md={16}>
              <Card title={t('cockpit.trend')} size="small">
                {trendOption && <Chart option={trendOption} height={260} />}
              </Card>
            </Col>
          </Row>
          <Row gutter={16}>
            {mapOption && (
              <Col xs={24} lg={14}>
                <Card title={t('cockpit.map')} size="small">
                  <div data-testid="cockpit-map">
                    <Chart
                      option={mapOption}
                      height={460}
                      onClick={(p) => {
                        const code = p.componentType === 'geo' ? p.name : p.name;
                        if (code && code !== v.unitCode && code.startsWith(v.unitCode)) drill(code);
                      }}
                    />
                  </div>
                  <Typography.Text type="secondary">{t('cockpit.mapHint')}</Typography.Text>
                </Card>
              </Col>
            )}
            <Col xs={24} lg={mapOption ? 10 : 24}>
              <Card title={t('cockpit.ranking')} size="small">
                {rankingOption && v.ranking.length > 0 ? <Chart option={rankingOption} height={Math.max(200, 24 * v.ranking.length + 40)} onClick={(p) => drill((p.data as { name: string }).name)} /> : <Empty />}
              </Card>
            </Col>
          </Row>
          <Card title={t('cockpit.children')} size="small">
            <Table<UnitValue> data-testid="children-table" rowKey="unitCode" size="small" dataSource={v.children} columns={unitColumns} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 'max-content' }} />
          </Card>
          <Card title={t('cockpit.red')} size="small">
            {v.red.length === 0 ? (
              <Typography.Text type="secondary">{t('cockpit.noRed')}</Typography.Text>
            ) : (
              <Table<UnitValue>
                data-testid="red-table"
                rowKey="unitCode"
                size="small"
                dataSource={v.red}
                columns={[{ title: t('cockpit.level'), dataIndex: 'level', key: 'level', render: (l: number) => t(`levels.${l}`) }, ...unitColumns]}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
              />
            )}
          </Card>
        </>
      )}
      <WhyDrawer indicator={indicator} target={why} onClose={() => setWhy(null)} user={user?.unitCode} />
    </Space>
  );
}

function WhyDrawer({ indicator, target, onClose }: { indicator?: string; target: { unit: string; year: number } | null; onClose: () => void; user?: string }) {
  const { t, i18n } = useTranslation('indicators');
  const zh = i18n.language === 'zh-CN';
  const q = useQuery({
    queryKey: ['why', indicator, target],
    enabled: Boolean(indicator && target),
    queryFn: () => api.get<WhyView>(`/indicators/why${qs({ indicator, unit: target!.unit, year: target!.year })}`),
  });
  const w = q.data;
  const fmt = (x: number | null) => formatValue(x, w?.indicator.unit ?? 'count', t);
  return (
    <Drawer open={Boolean(target)} onClose={onClose} width={720} title={w ? t('cockpit.whyTitle', { unit: w.current.unitName, year: w.current.year, indicator: zh ? w.indicator.nameZh : w.indicator.nameEn }) : t('cockpit.why')}>
      {q.error && <Alert type="warning" showIcon message={errorText(q.error)} />}
      {w && (
        <Space direction="vertical" style={{ width: '100%' }} size={16}>
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label={t('cockpit.value')}>{fmt(w.current.value)}</Descriptions.Item>
            <Descriptions.Item label={`${t('cockpit.numerator')} · ${zh ? w.indicator.numerator.nameZh : w.indicator.numerator.nameEn}`}>{w.current.numerator}</Descriptions.Item>
            {w.indicator.denominator && (
              <Descriptions.Item label={`${t('cockpit.denominator')} · ${zh ? w.indicator.denominator.nameZh : w.indicator.denominator.nameEn}`}>{w.current.denominator}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('cockpit.warning')}>
              <WarningTag color={w.current.color} />
            </Descriptions.Item>
          </Descriptions>
          {w.children.length > 0 && (
            <Table<UnitValue>
              size="small"
              rowKey="unitCode"
              dataSource={w.children}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('cockpit.unitName'), dataIndex: 'unitName', key: 'n' },
                { title: t('cockpit.numerator'), dataIndex: 'numerator', key: 'a' },
                { title: t('cockpit.denominator'), dataIndex: 'denominator', key: 'b' },
                { title: t('cockpit.value'), dataIndex: 'value', key: 'v', render: (x: number | null) => fmt(x) },
              ]}
            />
          )}
          <Typography.Title level={5}>{t('cockpit.records', { count: w.recordsTotal })}</Typography.Title>
          {w.records.length === 0 ? (
            <Typography.Text type="secondary">{t('cockpit.noRecords')}</Typography.Text>
          ) : (
            <Table
              size="small"
              rowKey="recordId"
              dataSource={w.records}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('cockpit.unitName'), dataIndex: 'unitName', key: 'u' },
                { title: '', dataIndex: 'label', key: 'l' },
                { title: '', dataIndex: 'amount', key: 'a' },
              ]}
            />
          )}
        </Space>
      )}
    </Drawer>
  );
}
