// Public entry of the SDK: the generated operations and types, and the client to configure.
export * from './generated/index.js';
export { client } from './generated/client.gen.js';
export { createClient, createConfig } from './generated/client/index.js';
