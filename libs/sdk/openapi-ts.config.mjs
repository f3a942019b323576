// Generates the SDK from the bundled contract. Run through `npm run contract:generate`.
export default {
  input: '../../openapi/dist/openapi.json',
  output: { path: 'src/generated', postProcess: [] },
  plugins: ['@hey-api/client-fetch', '@hey-api/typescript', { name: '@hey-api/sdk' }],
};
