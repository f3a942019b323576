export * from './operation';
export * from './generated';
