/** The call log: one Task per call per agent, through an outbox that survives failures and reloads. */
export { CallLogger, type LoggerOptions } from './call-logger';
export { MemoryOutbox, openOutbox, type OutboxItem, type OutboxStore } from './outbox';
