import { useEffect, useState } from 'react';
import { Cascader } from 'antd';
import { api } from '../../api.ts';

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
}

/**
 * Picks the township (乡镇/街道) where a child is, anywhere in the city: a report is not a read,
 * so the reporter is not limited to their own scope. Works signed in or not.
 */
export function CityUnitPicker({ value, onChange, placeholder, id }: { value?: string; onChange?: (code: string | undefined) => void; placeholder?: string; id?: string }) {
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => {
    void api.get<{ code: string; name: string; hasChildren: boolean }[]>('/protection/public/units').then((units) => setOptions(units.map((u) => ({ value: u.code, label: u.name, isLeaf: !u.hasChildren }))));
  }, []);
  const loadData = async (selected: Option[]) => {
    const target = selected[selected.length - 1];
    const kids = await api.get<{ code: string; name: string; hasChildren: boolean }[]>(`/protection/public/units?parent=${target.value}`);
    target.children = kids.map((k) => ({ value: k.code, label: k.name, isLeaf: !k.hasChildren }));
    setOptions((o) => [...o]);
  };
  const path = value ? [value.slice(0, 6), value] : [];
  return (
    <Cascader<Option>
      id={id}
      style={{ width: '100%' }}
      options={options}
      loadData={(s) => void loadData(s as Option[])}
      value={path}
      placeholder={placeholder}
      displayRender={(labels) => labels.join(' / ')}
      onChange={(v) => onChange?.((v as string[] | undefined)?.at(-1))}
    />
  );
}
