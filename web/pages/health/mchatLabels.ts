import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import type { MchatWordingView } from '../../../src/modules/health/contract.ts';

/** The licensed M-CHAT-R/F wording of the interface language, when the health authority has loaded it (staff only). */
export function useMchatWording() {
  const { i18n } = useTranslation();
  const { can } = useAuth();
  const locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  return useQuery({
    queryKey: ['mchat-wording', locale],
    queryFn: () => api.get<MchatWordingView>(`/health/mchat/wording?locale=${locale}`),
    enabled: can('health.read'),
    staleTime: 600_000,
  });
}

/** An item's text: the licensed wording if loaded, else the platform's own short label. */
export function useMchatLabels() {
  const { t } = useTranslation('health');
  const wording = useMchatWording();
  return (item: number) => wording.data?.items?.[item - 1] ?? t(`mchat.item.${item}`);
}
