import * as echarts from 'echarts';

let registered = false;

/** Registers the county outlines once, under the name every one-map chart uses. */
export function registerOneMap(counties: unknown): string {
  if (!registered) {
    echarts.registerMap('kangyu-onemap', counties as never);
    registered = true;
  }
  return 'kangyu-onemap';
}
