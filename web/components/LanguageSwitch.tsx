import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../auth.tsx';

export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { i18n } = useTranslation();
  return (
    <Segmented
      size="small"
      value={i18n.language}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en-US' },
      ]}
      onChange={(v) => void changeLanguage(v as 'zh-CN' | 'en-US', signedIn)}
      data-testid="language-switch"
    />
  );
}
