export * from './schemas';
export * from './commands';
export * from './events';
export * from './http';
export * from './readers';
export * from './issues';
