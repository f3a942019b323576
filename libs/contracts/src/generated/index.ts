// Generated from openapi/dist/openapi.json by `npm run contract:generate`. Do not edit.
export * from './dtos';
export * from './operations';
