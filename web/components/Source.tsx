import { useTranslation } from 'react-i18next';
import { citeSource } from '../../src/app/sources.ts';

/** A source of a rule, an indicator or a target, cited by its document's title (never its number). */
export function useCite(): (raw: string | null | undefined) => string {
  const { t, i18n } = useTranslation('common');
  const locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  return (raw) => (raw ? citeSource(raw, locale, t('sourceFallback')) : '—');
}

export function Source({ text }: { text: string | null | undefined }) {
  const cite = useCite();
  return <>{cite(text)}</>;
}
