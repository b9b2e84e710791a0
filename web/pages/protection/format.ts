import type { TFunction } from 'i18next';

const STAMP = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

/** A time in Asia/Shanghai as "2026-12-04 10:30". */
export function stamp(iso: string): string {
  const parts = Object.fromEntries(STAMP.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** "剩余 5 小时" / "超期 2 天": how long until (or since) a stage's deadline. */
export function timeToDue(t: TFunction, dueAt: string, now = Date.now()): string {
  const ms = new Date(dueAt).getTime() - now;
  const hours = Math.abs(ms) / 3_600_000;
  const span = hours < 48 ? t('protection:list.hours', { n: Math.max(1, Math.round(hours)) }) : t('protection:list.days', { n: Math.round(hours / 24) });
  return ms >= 0 ? t('protection:list.dueIn', { time: span }) : t('protection:list.overdueBy', { time: span });
}

export const STAGE_COLORS: Record<string, string> = { report: 'red', emergency: 'volcano', assessment: 'gold', intervention: 'purple', monitoring: 'blue', closed: 'default' };
