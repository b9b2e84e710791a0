import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUrlState } from '../../components/useUrlState.ts';
import { ApplicationsTab } from './ApplicationsTab.tsx';
import { GradesTab } from './GradesTab.tsx';
import { StandardTab } from './StandardTab.tsx';

/** Grading (评级全闭环): applications through assessment and publication, the grades held, the standard. */
export function GradingPage() {
  const { t } = useTranslation('grading');
  const [state, update] = useUrlState({ tab: 'applications' } as Record<string, string | undefined>);
  return (
    <Card title={t('title')}>
      <Tabs
        activeKey={state.tab}
        onChange={(tab) => update({ tab })}
        destroyOnHidden
        items={[
          { key: 'applications', label: t('applications.title'), children: <ApplicationsTab /> },
          { key: 'grades', label: t('grades.title'), children: <GradesTab /> },
          { key: 'standard', label: t('standard.title'), children: <StandardTab /> },
        ]}
      />
    </Card>
  );
}
