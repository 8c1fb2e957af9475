/**
 * Salesforce's limits on the Task fields a call log writes (task-limits.ts fits a log into them). In a
 * module of its own because what the agent types is cut to them in every panel, while fitting a whole
 * log is part of the call handling, which loads after the first screen.
 */
export const TASK_LIMITS = { Subject: 255, CallDisposition: 255, Description: 32_000, BIZTEL_Recording_URL__c: 255 } as const;
