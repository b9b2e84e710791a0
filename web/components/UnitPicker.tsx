import { useEffect, useState } from 'react';
import { Cascader } from 'antd';
import { api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import type { UnitSummary } from '../../src/modules/org/contract.ts';

const levelOf = (code: string) => ({ 4: 1, 6: 2, 9: 3, 12: 4 })[code.length] ?? 0;

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
}

/** Picks a unit inside the user's scope, loading the tree level by level; the value is the code. */
export function UnitPicker({
  value,
  onChange,
  minLevel = 1,
  placeholder,
  style,
}: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  minLevel?: number;
  placeholder?: string;
  style?: React.CSSProperties;
}) {
  const { user } = useAuth();
  const scope = user!.unitCode;
  const [options, setOptions] = useState<Option[]>([]);
  const [path, setPath] = useState<string[]>([]);

  useEffect(() => {
    void api.get<{ code: string; name: string; childCount: number }>(`/org-units/${scope}`).then((u) =>
      setOptions([{ value: u.code, label: u.name, isLeaf: u.childCount === 0 }]),
    );
  }, [scope]);

  useEffect(() => {
    if (!value) setPath([]);
  }, [value]);

  const loadData = async (selected: Option[]) => {
    const target = selected[selected.length - 1];
    const kids = await api.get<UnitSummary[]>(`/org-units/${target.value}/children`);
    target.children = kids.map((k) => ({ value: k.code, label: k.name, isLeaf: k.childCount === 0 }));
    setOptions((o) => [...o]);
  };

  return (
    <Cascader<Option>
      style={style ?? { width: '100%' }}
      options={options}
      loadData={(s) => void loadData(s as Option[])}
      changeOnSelect
      value={path.length ? path : value ? [value] : []}
      placeholder={placeholder}
      displayRender={(labels) => labels.join(' / ')}
      onChange={(v) => {
        const codes = (v ?? []) as string[];
        setPath(codes);
        const code = codes[codes.length - 1];
        onChange?.(code && levelOf(code) >= minLevel ? code : undefined);
      }}
    />
  );
}
