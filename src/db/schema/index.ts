export * from './auth';
export * from './contractors';
export * from './housing';
export * from './jobs';
export * from './organisation';
export * from './platform';
export * from './surveys';
export * from './invitations';
