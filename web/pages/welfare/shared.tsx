import { useQuery } from '@tanstack/react-query';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { api } from '../../api.ts';
import type { z } from 'zod';
import type { categoriesView } from '../../../src/modules/welfare/contract.ts';

export type Categories = z.infer<typeof categoriesView>;

/** The categories of key children (data), loaded once. */
export function useCategories() {
  return useQuery({ queryKey: ['welfare-categories'], queryFn: () => api.get<Categories>('/welfare/categories'), staleTime: 3_600_000 });
}

/** A category's name (and its class) in the user's language. */
export function useCategoryLabel() {
  const { i18n } = useTranslation();
  const { data } = useCategories();
  const zh = i18n.language.startsWith('zh');
  return (category: string, subclass?: string | null) => {
    const c = data?.categories.find((x) => x.code === category);
    if (!c) return '';
    const s = c.subclasses.find((x) => x.code === subclass);
    const name = zh ? c.zh : c.en;
    if (!s) return name;
    return zh ? `${name}（${s.zh}）` : `${name} (${s.en})`;
  };
}

const COLORS: Record<string, string> = { orphan: 'red', deFacto: 'volcano', difficulty: 'orange', leftBehind: 'blue', migrant: 'cyan', disabled: 'purple', outOfSchool: 'gold', domesticViolence: 'magenta', parentDetained: 'geekblue', street: 'lime' };

export function CategoryTag({ category, subclass }: { category: string; subclass?: string | null }) {
  const label = useCategoryLabel();
  return <Tag color={COLORS[category]}>{label(category, subclass)}</Tag>;
}

export const isoDay = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** Integer fen shown as yuan with two decimals. */
export function yuan(fen: number): string {
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function recentMonths(n: number, today = new Date()): string[] {
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(today.getFullYear(), today.getMonth() - i, 1);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  });
}
