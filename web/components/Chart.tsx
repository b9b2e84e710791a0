import { useEffect, useRef } from 'react';
import * as echarts from 'echarts';

/** An ECharts chart that follows its option and its container's size. */
export function Chart({
  option,
  height = 320,
  onClick,
}: {
  option: echarts.EChartsCoreOption;
  height?: number;
  /** Called with the clicked item (a series item or a map region). */
  onClick?: (params: { componentType: string; name: string; data?: unknown }) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    chart.current = echarts.init(ref.current!);
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  useEffect(() => {
    const c = chart.current;
    if (!c || !onClick) return;
    const handler = (p: unknown) => onClick(p as { componentType: string; name: string; data?: unknown });
    c.on('click', handler);
    return () => {
      c.off('click', handler);
    };
  }, [onClick]);
  return <div ref={ref} style={{ width: '100%', height }} />;
}
