export { users, sessions } from './schema.ts';
export { ROLES, ROLE_NAMES, PERMISSIONS, can, isRole, type Role, type Permission } from './roles.ts';
export { actorForSession, createUser, hashPassword, login } from './service.ts';
export { actorDisplayName } from './displayName.ts';
export { accessRoutes, LOGIN_ATTEMPTS } from './routes.ts';
