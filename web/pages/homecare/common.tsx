import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { api, ApiError, qs, type Paged } from '../../api.ts';
import type { PersonView } from '../../../src/modules/people/contract.ts';

/** Integer fen shown as yuan with two decimals. */
export function yuan(fen: number): string {
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Integer minutes shown as hours with at most two decimals. */
export function hours(minutes: number): string {
  return (minutes / 60).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

/** A fresh key naming one submission: a repeated click or a retry moves nothing twice. */
export function newKey(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

export interface PickedPerson {
  id: string;
  name: string;
  label: string;
}

/** A person in the caller's scope, searched by name; the label names the person and their village. */
export function PersonSelect(props: { value?: string; onChange?: (id: string, person: PickedPerson) => void; group?: 'elderly'; testId?: string; placeholder?: string }) {
  const [q, setQ] = useState('');
  const people = useQuery({
    queryKey: ['homecare-person-search', q, props.group],
    queryFn: () => api.get<Paged<PersonView>>(`/people${qs({ q: q || undefined, group: props.group, pageSize: 20 })}`),
  });
  const options = (people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.age} 岁，${p.unitName}）`, name: p.name }));
  return (
    <Select
      data-testid={props.testId}
      showSearch
      filterOption={false}
      value={props.value}
      placeholder={props.placeholder}
      onSearch={setQ}
      loading={people.isFetching}
      options={options}
      onChange={(id: string) => {
        const o = options.find((x) => x.value === id);
        props.onChange?.(id, { id, name: o?.name ?? '', label: o?.label ?? '' });
      }}
    />
  );
}

/** Points an API field error at the form's own field name (e.g. an amount typed in yuan but sent in fen). */
export function renameFields(err: unknown, names: Record<string, string>): unknown {
  if (err instanceof ApiError) for (const f of err.fields) f.field = names[f.field] ?? f.field;
  return err;
}
