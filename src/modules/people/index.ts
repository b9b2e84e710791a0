export { persons, personTransfers } from './schema.ts';
export { parseIdNumber, maskIdNumber, composeIdNumber, regionOf, type IdNumber, type Sex } from './idNumber.ts';
export { encryptIdNumber, decryptIdNumber, hashIdNumber } from './idCipher.ts';
export { personCopyRow, PERSON_COPY_COLUMNS } from './copyRow.ts';
export { checkPerson, personSchema, ageOn, groupsOf, type CheckedPerson } from './person.ts';
export { registerPerson, getPerson, findByIdNumber } from './service.ts';
export { requestTransfer, type TransferRequest } from './transfers.service.ts';
export { peopleRoutes } from './routes.ts';
