import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/Chart.tsx';
import { html } from '../../components/escapeHtml.ts';
import type { CircleView } from '../../../src/modules/geo/contract.ts';
import { registerOneMap } from './mapRegistry.ts';

/** A ring of `metres` around a point, as map coordinates (equirectangular; fine within a city). */
function ring(lon: number, lat: number, metres: number): [number, number][] {
  const dLat = metres / 110_574;
  const dLon = metres / (111_320 * Math.cos((lat * Math.PI) / 180));
  return Array.from({ length: 49 }, (_, i) => {
    const a = (i / 48) * 2 * Math.PI;
    return [lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)];
  });
}

/**
 * The 15-minute circle drawn: each facility with the ring it reaches on foot, the 250 m
 * population cells coloured by whether a facility is within reach, and the villages.
 */
export function CircleMap({ circle, counties }: { circle: CircleView; counties: unknown }) {
  const { t } = useTranslation('indicators');
  const option = useMemo(() => {
    const map = registerOneMap(counties);
    const pts = [...circle.cells, ...circle.villages];
    const lons = pts.map((p) => p.lon);
    const lats = pts.map((p) => p.lat);
    const pad = 0.01;
    const bounding = pts.length
      ? [
          [Math.min(...lons) - pad, Math.max(...lats) + pad],
          [Math.max(...lons) + pad, Math.min(...lats) - pad],
        ]
      : undefined;
    const cell = (covered: boolean) => circle.cells.filter((c) => c.covered === covered).map((c) => ({ value: [c.lon, c.lat, c.population] }));
    return {
      tooltip: { trigger: 'item', formatter: (p: { data?: { text?: string } }) => p.data?.text ?? '' },
      legend: { top: 4, data: [t('map.cellCovered'), t('map.cellUncovered'), t('map.reachCircle'), t('map.villagePoint')] },
      geo: { map, roam: true, ...(bounding ? { boundingCoords: bounding } : {}), label: { show: false }, itemStyle: { areaColor: '#f5f7fa', borderColor: '#8c8c8c' } },
      series: [
        { name: t('map.cellCovered'), type: 'scatter', coordinateSystem: 'geo', symbol: 'rect', symbolSize: 4, itemStyle: { color: '#95de64', opacity: 0.7 }, data: cell(true), silent: true },
        { name: t('map.cellUncovered'), type: 'scatter', coordinateSystem: 'geo', symbol: 'rect', symbolSize: 4, itemStyle: { color: '#ff7875', opacity: 0.7 }, data: cell(false), silent: true },
        {
          name: t('map.reachCircle'),
          type: 'lines',
          coordinateSystem: 'geo',
          polyline: true,
          silent: true,
          lineStyle: { color: '#1677ff', width: 1.5, opacity: 0.9 },
          data: circle.facilityPoints.map((f) => ({ coords: ring(f.lon, f.lat, circle.params.reachMetres) })),
        },
        {
          name: t('map.reachCircle'),
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: 9,
          itemStyle: { color: '#1677ff' },
          data: circle.facilityPoints.map((f) => ({ value: [f.lon, f.lat], text: html`${f.name} · ${t('map.capacity')} ${f.capacity}` })),
        },
        {
          name: t('map.villagePoint'),
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: 5,
          itemStyle: { color: '#595959' },
          data: circle.villages.map((v) => ({
            value: [v.lon, v.lat],
            text: html`${v.name} · ${v.nearestMinutes === null ? t('map.noneWithin') : t('map.walkMinutes', { minutes: v.nearestMinutes })}`,
          })),
        },
      ],
    };
  }, [circle, counties, t]);
  return (
    <div data-testid="circle-map">
      <Chart option={option} height={480} />
    </div>
  );
}
