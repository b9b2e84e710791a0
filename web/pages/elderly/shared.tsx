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

type Condition = { fact: string; op: string; value: unknown };

/** A rule's conditions in words: the facts' names and the values met, never the codes; a gte/lte pair on one fact reads as a range. */
export function useConditionText() {
  const { t } = useTranslation(['elderly', 'subsidies']);
  const one = (c: Condition) => {
    const fact = t(`subsidies:fact.${c.fact}`, { defaultValue: t('elderly:field.rule') });
    const word = (v: unknown) =>
      c.fact === 'person.economicStatus' ? t(`elderly:economicStatus.${String(v)}`) : c.fact === 'person.abilityLevel' ? t(`elderly:level.${String(v)}`) : c.fact === 'worker.skillLevel' ? t(`elderly:skill.${String(v)}`) : typeof v === 'boolean' ? '' : String(v);
    if (c.op === 'in') return `${fact}${t('elderly:sep.colon')}${(c.value as unknown[]).map(word).join(t('elderly:sep.enum'))}`;
    if (c.op === 'gte') return `${fact} ≥ ${String(c.value)}`;
    if (c.op === 'lte') return `${fact} ≤ ${String(c.value)}`;
    const w = word(c.value);
    return w ? `${fact}${t('elderly:sep.colon')}${w}` : fact;
  };
  return (conditions: readonly Condition[]) => {
    const parts: string[] = [];
    for (const c of conditions) {
      if (c.op === 'lte' && conditions.some((o) => o.fact === c.fact && o.op === 'gte')) continue;
      const upper = c.op === 'gte' ? conditions.find((o) => o.fact === c.fact && o.op === 'lte') : undefined;
      parts.push(upper ? t('elderly:sep.range', { fact: t(`subsidies:fact.${c.fact}`), from: String(c.value), to: String(upper.value) }) : one(c));
    }
    return parts.join(t('elderly:sep.list'));
  };
}
