import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import { MonthsTab } from './MonthsTab.tsx';
import { OverviewTab } from './OverviewTab.tsx';
import { RulesTab } from './RulesTab.tsx';
import { ClaimsTab } from './ClaimsTab.tsx';

/** Childcare subsidies: the monthly run and its approval, the city overview, the rules, one-time claims. */
export function SubsidiesPage() {
  const { t } = useTranslation('subsidies');
  const { can } = useAuth();
  const [state, update] = useUrlState({ tab: 'months' } as Record<string, string | undefined>);
  const official = can('subsidies.read');
  const items = [
    { key: 'months', label: t('months.title'), children: <MonthsTab /> },
    ...(official ? [{ key: 'overview', label: t('overview.title'), children: <OverviewTab /> }] : []),
    { key: 'claims', label: t('claims.title'), children: <ClaimsTab /> },
    { key: 'rules', label: t('rules.title'), children: <RulesTab /> },
  ];
  return (
    <Card title={t('title')}>
      <Tabs activeKey={state.tab} onChange={(tab) => update({ tab })} items={items} destroyOnHidden />
    </Card>
  );
}
