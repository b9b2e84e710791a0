import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkCharacter, composeIdNumber, maskIdNumber, parseIdNumber, regionOf } from './idNumber.ts';

const TODAY = '2026-11-23';

describe('GB 11643 check character (ISO 7064 MOD 11-2)', () => {
  // The standard's own example and two further published numbers.
  it.each([
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    ['34052419800101001', 'X'],
  ])('%s → %s', (first17, check) => {
    expect(checkCharacter(first17)).toBe(check);
  });

  it('any single-digit change of a valid number breaks the check', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const valid = '11010519491231002X';
        const digit = (Number(valid[pos]) + delta) % 10;
        const changed = valid.slice(0, pos) + digit + valid.slice(pos + 1);
        expect(parseIdNumber(changed, TODAY).ok).toBe(false);
      }),
    );
  });
});

describe('parseIdNumber', () => {
  it('parses a valid number: region, birth date and sex', () => {
    const r = parseIdNumber('11010519491231002x', TODAY);
    expect(r).toEqual({
      ok: true,
      id: { value: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', sex: 'female' },
    });
  });

  it('reads sex from the parity of the 17th digit', () => {
    const male = composeIdNumber('330602', '2024-03-05', 13);
    const female = composeIdNumber('330602', '2024-03-05', 12);
    expect(parseIdNumber(male, TODAY)).toMatchObject({ ok: true, id: { sex: 'male' } });
    expect(parseIdNumber(female, TODAY)).toMatchObject({ ok: true, id: { sex: 'female' } });
  });

  it('accepts an abolished region code: 330621, the former 绍兴县', () => {
    const id = composeIdNumber('330621', '1975-06-01', 21);
    expect(parseIdNumber(id, TODAY)).toMatchObject({ ok: true, id: { regionCode: '330621' } });
    expect(regionOf('330621')).toEqual({ name: '绍兴县', current: false });
    expect(regionOf('330603')).toEqual({ name: '柯桥区', current: true });
  });

  it.each([
    ['too short', '3306022024030501', 'format'],
    ['letter inside', '33060220240305A123', 'format'],
    ['15-digit old form', '330602240305012', 'format'],
    ['bad check digit', '110105194912310021', 'checkDigit'],
    ['month 13', composeIdNumber('330602', '2024-13-01', 11), 'birthDateInvalid'],
    ['30 February', composeIdNumber('330602', '2024-02-30', 11), 'birthDateInvalid'],
    ['29 February of a common year', composeIdNumber('330602', '2023-02-29', 11), 'birthDateInvalid'],
    ['born tomorrow', composeIdNumber('330602', '2026-11-24', 11), 'birthDateFuture'],
    ['region 999999 (no such province)', composeIdNumber('999999', '1990-01-01', 11), 'regionUnknown'],
    ['unlisted county 330699 for someone born in 2010', composeIdNumber('330699', '2010-01-01', 11), 'regionUnknown'],
    ['old code 522121 for someone born in 2010', composeIdNumber('522121', '2010-01-01', 11), 'regionUnknown'],
    ['prefecture part 00', composeIdNumber('330012', '1960-01-01', 11), 'regionUnknown'],
  ])('%s → %s', (_name, input, issue) => {
    expect(parseIdNumber(input, TODAY)).toEqual({ ok: false, issue });
  });

  it('accepts a pre-2002 code (522121, 遵义县 until 1997) for someone born before 2002-12', () => {
    expect(parseIdNumber(composeIdNumber('522121', '1960-03-01', 11), TODAY)).toMatchObject({ ok: true, id: { regionCode: '522121' } });
    expect(regionOf('522121')).toBeUndefined();
  });

  it('accepts 29 February of a leap year and a birth today', () => {
    expect(parseIdNumber(composeIdNumber('330602', '2024-02-29', 11), TODAY).ok).toBe(true);
    expect(parseIdNumber(composeIdNumber('330602', TODAY, 11), TODAY).ok).toBe(true);
  });
});

describe('maskIdNumber', () => {
  it('keeps the region code and the last four characters only', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('11010519491231002X')).not.toContain('19491231');
  });
});
