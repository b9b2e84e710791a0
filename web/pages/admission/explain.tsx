import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../src/modules/admission/contract.ts';

type Choice = ApplicationView['choices'][number];

const STATUS_COLORS: Record<string, string> = {
  submitted: 'blue',
  offered: 'gold',
  waitlisted: 'purple',
  accepted: 'green',
  declined: 'default',
  expired: 'red',
  withdrawn: 'default',
  ended: 'default',
};

export function ApplicationStatusTag({ status }: { status: string }) {
  const { t } = useTranslation('admission');
  return <Tag color={STATUS_COLORS[status]}>{t(`status.${status}`)}</Tag>;
}

/** Why a choice was or was not offered: rank among those who asked, places, and the rule that decided it. */
export function useExplainChoice() {
  const { t } = useTranslation('admission');
  return (c: Choice): string => {
    const base = { rank: c.rank, center: c.centerName, applicants: c.applicants, capacity: c.capacity, position: c.priorityRank, waitlist: c.waitlistPosition };
    if (!c.result) return t('explain.pending', base);
    if (c.result === 'notNeeded') return t('explain.notNeeded', base);
    let text = t(c.result === 'offered' ? 'explain.offered' : 'explain.notOffered', base);
    if (!c.decidingRule) return `${text}${c.result === 'offered' ? t('explain.roomForAll') : c.capacity === 0 ? t('explain.noPlaces') : ''}`;
    text += t('explain.decidedBy', { rule: t(`rule.${c.decidingRule}`) });
    if (c.decidingRule === 'distance' && c.ownValue !== null && c.otherValue !== null) text += t('explain.ruleValues.distance', { own: Math.round(c.ownValue), other: Math.round(c.otherValue) });
    else if (c.decidingRule === 'lottery' && c.ownValue !== null) text += t('explain.ruleValues.lottery', { own: c.ownValue, other: c.otherValue });
    else if (c.ownValue !== null && c.otherValue !== null)
      text += t('explain.ruleValues.met', { own: t(c.ownValue ? 'explain.yes' : 'explain.no'), other: t(c.otherValue ? 'explain.yes' : 'explain.no') });
    return text;
  };
}

export function ChoiceList({ app }: { app: ApplicationView }) {
  const explain = useExplainChoice();
  return (
    <ol style={{ margin: 0, paddingInlineStart: 18 }} data-testid="choice-explanations">
      {app.choices.map((c) => (
        <li key={c.rank}>
          <Typography.Text type={c.result === 'offered' ? 'success' : undefined}>{explain(c)}</Typography.Text>
        </li>
      ))}
    </ol>
  );
}

/** A CSV file from rows, downloaded in the browser (UTF-8 with BOM so spreadsheet programs read Chinese). */
export function downloadCsv(name: string, header: string[], rows: (string | number | null)[][]): void {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = '\ufeff' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\n');
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  a.download = `${name}.csv`;
  a.click();
  URL.revokeObjectURL(a.href);
}
