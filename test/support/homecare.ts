import type { Platform } from '../../src/app/context.ts';
import { systemActor } from '../../src/app/scope.ts';
import { composeIdNumber, registerPerson } from '../../src/modules/people/index.ts';

let sequence = 100;

/** A person registered in a village through the people registry (an elderly person by default). */
export async function personFixture(p: Platform, opts: { unitCode?: string; name?: string; birthDate?: string } = {}): Promise<{ id: string; unitCode: string; name: string }> {
  const unitCode = opts.unitCode ?? '330602001004';
  const birthDate = opts.birthDate ?? '1948-03-15';
  sequence += 1;
  const name = opts.name ?? `测试老人${sequence}`;
  const person = await registerPerson(p, systemActor('fixture'), {
    name,
    idNumber: composeIdNumber(unitCode.slice(0, 6), birthDate, sequence % 1000),
    sex: sequence % 2 ? 'male' : 'female',
    birthDate,
    unitCode,
    phone: null,
    address: null,
  });
  return { id: person.id, unitCode, name };
}
