export * from './date';
export * from './decimal';
export * from './errors';
export * from './issues';
export * from './schema';
export * from './statutoryCap';
export * from './trace';
export * from './format';
