import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import { LedgerTab } from './LedgerTab.tsx';
import { OverdueTab } from './OverdueTab.tsx';
import { SupportTab } from './SupportTab.tsx';
import { WorkersTab } from './WorkersTab.tsx';
import { HomesTab } from './HomesTab.tsx';

/** The child-welfare ledger: key children, overdue visits, basic living support, the workforce. */
export function WelfarePage() {
  const { t } = useTranslation('welfare');
  const { can } = useAuth();
  const [state, update] = useUrlState({ tab: 'ledger' } as Record<string, string | undefined>);
  const items = [
    { key: 'ledger', label: t('tabs.ledger'), children: <LedgerTab /> },
    { key: 'overdue', label: t('tabs.overdue'), children: <OverdueTab /> },
    ...(can('welfare.support') ? [{ key: 'support', label: t('tabs.support'), children: <SupportTab /> }] : []),
    { key: 'workers', label: t('tabs.workers'), children: <WorkersTab /> },
    { key: 'homes', label: t('homes.tab'), children: <HomesTab /> },
  ];
  return (
    <Card title={t('title')}>
      <Tabs activeKey={state.tab} onChange={(tab) => update({ tab })} items={items} destroyOnHidden />
    </Card>
  );
}
