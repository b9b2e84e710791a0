import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUrlState } from '../../components/useUrlState.ts';
import { ProfilesTab } from './ProfilesTab.tsx';
import { DementiaTab } from './DementiaTab.tsx';
import { WaitingListTab } from './WaitingListTab.tsx';
import { InstitutionsTab } from './InstitutionsTab.tsx';
import { EntitlementsTab } from './EntitlementsTab.tsx';

/** Elderly profiles (精准画像): the list and a person's drawer, the dementia loop, waiting lists, institutions and beds, proactive entitlements. */
export function ElderlyProfilesPage() {
  const { t } = useTranslation('elderly');
  const [state, update] = useUrlState({ tab: 'profiles' } as Record<string, string | undefined>);
  const items = [
    { key: 'profiles', label: t('tabs.profiles'), children: <ProfilesTab /> },
    { key: 'dementia', label: t('tabs.dementia'), children: <DementiaTab /> },
    { key: 'waiting', label: t('tabs.waitingList'), children: <WaitingListTab /> },
    { key: 'institutions', label: t('tabs.institutions'), children: <InstitutionsTab /> },
    { key: 'entitlements', label: t('tabs.entitlements'), children: <EntitlementsTab /> },
  ];
  return (
    <Card title={t('title')}>
      <Tabs activeKey={state.tab} onChange={(tab) => update({ tab })} items={items} destroyOnHidden />
    </Card>
  );
}
