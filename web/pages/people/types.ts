export interface Person {
  id: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  age: number;
  groups: ('infant' | 'child' | 'elderly')[];
  idNumberMasked: string;
  unitCode: string;
  unitName: string;
  phone: string | null;
  address: string | null;
  source: string;
  createdAt: string;
  updatedAt: string;
}
