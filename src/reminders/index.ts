/** Durable reminders: plan, status, ad hoc parsing, retry and rate-limit policy, dispatch, the coordinator's service. */
export * from './types';
export * from './plan';
export * from './status';
export * from './format';
export * from './adhoc';
export * from './retry';
export * from './rateLimit';
export * from './dispatcher';
export * from './ports';
export * from './service';
export * from './retention';
