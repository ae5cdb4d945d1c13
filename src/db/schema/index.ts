export * from './auth';
export * from './contractors';
export * from './housing';
export * from './invitations';
export * from './jobs';
export * from './organisation';
export * from './platform';
export * from './surveys';
