import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Today in Asia/Shanghai as an ISO date. */
export const todayShanghai = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
export const thisMonth = () => todayShanghai().slice(0, 7);
export const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

const LEVEL_COLORS: Record<string, string> = { intact: 'green', mild: 'blue', moderate: 'orange', severe: 'volcano', complete: 'red' };
export function LevelTag({ level }: { level: string | null }) {
  const { t } = useTranslation('elderly');
  return <Tag color={level ? LEVEL_COLORS[level] : 'default'}>{t(`level.${level ?? 'notAssessed'}`)}</Tag>;
}

const NEED_COLORS: Record<string, string> = { none: 'default', general: 'blue', key: 'orange', high: 'red' };
export function NeedTag({ level }: { level: string }) {
  const { t } = useTranslation('elderly');
  return <Tag color={NEED_COLORS[level]}>{t(`need.level.${level}`)}</Tag>;
}

/** A rule's conditions in words: the fact's name and the value met, never the codes. */
export function useConditionText() {
  const { t } = useTranslation(['elderly', 'subsidies']);
  return (c: { fact: string; op: string; value: unknown }) => {
    const fact = t(`subsidies:fact.${c.fact}`, { defaultValue: t('elderly:field.rule') });
    const word = (v: unknown) =>
      c.fact === 'person.economicStatus' ? t(`elderly:economicStatus.${String(v)}`) : c.fact === 'person.abilityLevel' ? t(`elderly:level.${String(v)}`) : c.fact === 'worker.skillLevel' ? t(`elderly:skill.${String(v)}`) : typeof v === 'boolean' ? '' : String(v);
    if (c.op === 'in') return `${fact}：${(c.value as unknown[]).map(word).join('、')}`;
    if (c.op === 'gte') return `${fact} ≥ ${String(c.value)}`;
    if (c.op === 'lte') return `${fact} ≤ ${String(c.value)}`;
    const w = word(c.value);
    return w ? `${fact}：${w}` : fact;
  };
}
