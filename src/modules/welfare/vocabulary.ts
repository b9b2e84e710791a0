/** The welfare ledger's closed vocabularies, shared by the schema, the API and the web app. */
export const GUARDIAN_RELATIONS = ['mother', 'father', 'grandparent', 'relative', 'institution', 'other'] as const;
export type GuardianRelation = (typeof GUARDIAN_RELATIONS)[number];
export const WORKER_ROLES = ['supervisor', 'director'] as const;
export type WorkerRole = (typeof WORKER_ROLES)[number];
