export * from './domain-error';
export * from './error-response';
export * from './api-exception.filter';
export * from './validation';
