import { describe, expect, it } from 'vitest';
import { checkVaccination, dosesFor, immunisationStatus, summariseImmunisation, type VaccinationRecord } from './immunisation.ts';

const find = (birth: string, records: VaccinationRecord[], today: string, series: string, dose: number) =>
  immunisationStatus(birth, records, today).find((s) => s.series === series && s.dose === dose)!;

describe('the schedule by birth date (2021 edition, 2025 DTaP change)', () => {
  const dtp = (birth: string) =>
    dosesFor(birth)
      .filter((d) => d.series === 'dtp')
      .map((d) => `${d.vaccine}@${d.dueMonths}`);

  it('DTaP at 3, 4, 5, 18 months for a child born before 2025, DT at 6 years only when it fell due before 2025', () => {
    expect(dtp('2018-06-01')).toEqual(['DTaP@3', 'DTaP@4', 'DTaP@5', 'DTaP@18', 'DT@72']);
    expect(dtp('2019-06-01')).toEqual(['DTaP@3', 'DTaP@4', 'DTaP@5', 'DTaP@18', 'DTaP@72']);
    expect(dtp('2024-12-31')).toEqual(['DTaP@3', 'DTaP@4', 'DTaP@5', 'DTaP@18', 'DTaP@72']);
  });

  it('DTaP at 2, 4, 6, 18 months and 6 years, no DT, for a child born from 2025-01-01', () => {
    expect(dtp('2025-01-01')).toEqual(['DTaP@2', 'DTaP@4', 'DTaP@6', 'DTaP@18', 'DTaP@72']);
  });

  it('lists every programme vaccine for a child born in 2025 (live JE and hepatitis A by default)', () => {
    const doses = dosesFor('2025-03-10');
    const count = (series: string) => doses.filter((d) => d.series === series).length;
    expect([count('hepb'), count('bcg'), count('polio'), count('dtp'), count('mmr'), count('je'), count('mpsvA'), count('mpsvAC'), count('hepa')]).toEqual([
      3, 1, 4, 5, 2, 2, 2, 2, 1,
    ]);
  });

  it('switches JE and hepatitis A to the inactivated line once such a dose is recorded', () => {
    const doses = dosesFor('2025-03-10', [{ vaccine: 'JE-I', dose: 1, givenOn: '2025-11-10' }]);
    expect(doses.filter((d) => d.series === 'je').map((d) => `${d.vaccine}${d.dose}`)).toEqual(['JE-I1', 'JE-I2', 'JE-I3', 'JE-I4']);
  });
});

describe('due, upcoming and overdue', () => {
  const BIRTH = '2025-03-10';

  it.each([
    // [today, series, dose, status, dueOn, deadlineOn]
    ['2025-03-10', 'hepb', 1, 'due', '2025-03-10', '2025-03-11'],
    ['2025-03-11', 'hepb', 1, 'overdue', '2025-03-10', '2025-03-11'],
    ['2025-03-09', 'hepb', 2, 'scheduled', '2025-04-10', '2026-03-10'],
    ['2025-03-11', 'hepb', 2, 'upcoming', '2025-04-10', '2026-03-10'],
    ['2025-03-10', 'polio', 1, 'scheduled', '2025-05-10', '2026-03-10'],
    ['2025-05-10', 'polio', 1, 'due', '2025-05-10', '2026-03-10'],
    ['2025-06-09', 'bcg', 1, 'due', '2025-03-10', '2025-06-10'],
    ['2025-06-10', 'bcg', 1, 'overdue', '2025-03-10', '2025-06-10'],
    ['2026-03-09', 'dtp', 1, 'due', '2025-05-10', '2026-03-10'],
    ['2026-03-10', 'dtp', 1, 'overdue', '2025-05-10', '2026-03-10'],
    ['2026-03-10', 'dtp', 3, 'overdue', '2025-09-10', '2026-03-10'],
    ['2026-09-10', 'dtp', 4, 'due', '2026-09-10', '2027-03-10'],
    ['2026-09-09', 'mpsvA', 2, 'due', '2025-12-10', '2026-09-10'],
    ['2026-09-10', 'mpsvA', 2, 'overdue', '2025-12-10', '2026-09-10'],
    ['2025-11-10', 'mmr', 1, 'due', '2025-11-10', '2026-03-10'],
    ['2028-03-10', 'mpsvAC', 1, 'due', '2028-03-10', '2029-03-10'],
  ])('on %s, %s dose %s is %s (due %s, deadline %s)', (today, series, dose, status, dueOn, deadlineOn) => {
    expect(find(BIRTH, [], today, series, dose)).toMatchObject({ status, dueOn, deadlineOn });
  });

  it('a dose without its own deadline takes the next deadline of its series', () => {
    expect(find(BIRTH, [], BIRTH, 'hepb', 2).deadlineOn).toBe('2026-03-10');
    expect(find(BIRTH, [], BIRTH, 'mpsvA', 1).deadlineOn).toBe('2026-09-10');
    expect(find('2024-06-15', [], '2024-06-15', 'dtp', 1)).toMatchObject({ dueOn: '2024-09-15', deadlineOn: '2025-06-15' });
  });

  it('holds a dose back for the minimum interval after the previous one', () => {
    const first = { vaccine: 'MPSV-A' as const, dose: 1, givenOn: '2026-01-20' };
    expect(find(BIRTH, [first], '2026-02-01', 'mpsvA', 2)).toMatchObject({ dueOn: '2026-04-20', status: 'scheduled' });
    const je = { vaccine: 'JE-I' as const, dose: 1, givenOn: '2025-11-12' };
    expect(find(BIRTH, [je], '2025-11-12', 'je', 2)).toMatchObject({ dueOn: '2025-11-19', status: 'upcoming' });
  });

  it('counts a recorded dose as given whatever the product of its series', () => {
    const s = find(BIRTH, [{ vaccine: 'bOPV', dose: 1, givenOn: '2025-05-12' }], '2025-06-01', 'polio', 1);
    expect(s).toMatchObject({ status: 'given', givenOn: '2025-05-12', givenVaccine: 'bOPV', vaccine: 'IPV' });
  });

  it('summarises what is due next: overdue first, then due, then the earliest upcoming', () => {
    const records: VaccinationRecord[] = [
      { vaccine: 'HepB', dose: 1, givenOn: BIRTH },
      { vaccine: 'BCG', dose: 1, givenOn: '2025-03-11' },
      { vaccine: 'HepB', dose: 2, givenOn: '2025-04-12' },
    ];
    const on = (today: string) => summariseImmunisation(immunisationStatus(BIRTH, records, today));
    expect(on('2025-04-20')).toMatchObject({ overdue: 0, due: 0, upcoming: 2, next: { series: 'polio', dose: 1 } });
    expect(on('2025-06-01')).toMatchObject({ overdue: 0, due: 2, upcoming: 1, next: { series: 'polio', dose: 1 } });
    expect(on('2026-03-10').overdue).toBeGreaterThanOrEqual(6);
    expect(on('2026-03-10').next?.status).toBe('overdue');
  });
});

describe('checking a new vaccination record', () => {
  const BIRTH = '2025-03-10';
  const TODAY = '2025-12-01';
  const existing: VaccinationRecord[] = [
    { vaccine: 'HepB', dose: 1, givenOn: '2025-03-10' },
    { vaccine: 'HepB', dose: 2, givenOn: '2025-04-15' },
  ];

  it.each([
    [{ vaccine: 'HepB', dose: 3, givenOn: '2025-09-10' }, null],
    [{ vaccine: 'HepB', dose: 4, givenOn: '2025-09-10' }, { field: 'dose', key: 'health.noSuchDose' }],
    [{ vaccine: 'HepB', dose: 2, givenOn: '2025-05-10' }, { field: 'dose', key: 'health.doseRecorded' }],
    [{ vaccine: 'BCG', dose: 1, givenOn: '2025-03-09' }, { field: 'givenOn', key: 'health.beforeBirth' }],
    [{ vaccine: 'BCG', dose: 1, givenOn: '2025-12-02' }, { field: 'givenOn', key: 'health.inFuture' }],
    [{ vaccine: 'HepB', dose: 3, givenOn: '2025-04-01' }, { field: 'givenOn', key: 'health.beforePreviousDose' }],
    [{ vaccine: 'JE-L', dose: 3, givenOn: '2025-11-10' }, { field: 'dose', key: 'health.noSuchDose' }],
    [{ vaccine: 'JE-I', dose: 3, givenOn: '2025-11-10' }, null],
    [{ vaccine: 'HepA-L', dose: 2, givenOn: '2025-11-10' }, { field: 'dose', key: 'health.noSuchDose' }],
  ] as const)('%j → %j', (record, issue) => {
    const r = checkVaccination(BIRTH, record, existing, TODAY);
    if (issue === null) expect(r).toBeNull();
    else expect(r).toMatchObject(issue);
  });

  it('refuses a dose dated after the next dose already recorded', () => {
    expect(checkVaccination(BIRTH, { vaccine: 'HepB', dose: 1, givenOn: '2025-05-01' }, [existing[1]], TODAY)).toMatchObject({ key: 'health.afterNextDose' });
  });
});
