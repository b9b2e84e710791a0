import type { Keys } from '../../app/secrets.ts';
import { uuidv7 } from '../../db/uuid.ts';
import { encryptIdNumber, hashIdNumber } from './idCipher.ts';
import { maskIdNumber } from './idNumber.ts';
import type { CheckedPerson } from './person.ts';

/** The columns of a persons row loaded with COPY, in the order personCopyRow gives them. */
export const PERSON_COPY_COLUMNS = ['id', 'unit_code', 'name', 'sex', 'birth_date', 'id_cipher', 'id_hash', 'id_masked', 'phone', 'address', 'source'];

/**
 * One persons row for COPY (bulk paths: imports, the seed): a fresh time-ordered id, the ID
 * number encrypted, hashed and masked. `idHash` may be passed when already computed.
 */
export function personCopyRow(keys: Keys, person: CheckedPerson, source: string, idHash?: Buffer): (string | null)[] {
  return [
    uuidv7(),
    person.unitCode,
    person.name,
    person.sex,
    person.birthDate,
    `\\x${encryptIdNumber(keys, person.idNumber).toString('hex')}`,
    `\\x${(idHash ?? hashIdNumber(keys, person.idNumber)).toString('hex')}`,
    maskIdNumber(person.idNumber),
    person.phone,
    person.address,
    source,
  ];
}
