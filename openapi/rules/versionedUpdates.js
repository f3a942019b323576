// Updates of shared records carry expectedVersion and document 409 VERSION_CONFLICT. An operation may relax this
// with the extension `x-version-check` (openapi/README.md):
//   (absent)   the body requires expectedVersion, and 409 is documented;
//   optional   the body has an expectedVersion property that need not be sent (the change is conditional on the
//              current state, which the server checks itself), and 409 is documented;
//   none       no expectedVersion at all (e.g. an idempotent change of the caller's own record); the description
//              must say why, naming expectedVersion, and a body must not carry one.
const VALUES = ['optional', 'none'];

export default function versionedUpdates(operation, _options, context) {
  const results = [];
  const at = (...path) => [...context.path, ...path];
  const check = operation?.['x-version-check'];
  if (check !== undefined && !VALUES.includes(check)) {
    return [{ message: `x-version-check must be one of ${VALUES.join(', ')} (or absent)`, path: at('x-version-check') }];
  }
  const ref = operation?.requestBody?.content?.['application/json']?.schema?.$ref;
  const schemaName = ref?.split('/').pop();
  const schema = schemaName ? context.document.data.components?.schemas?.[schemaName] : undefined;
  const hasProperty = Boolean(schema?.properties?.expectedVersion);
  const required = (schema?.required ?? []).includes('expectedVersion');

  if (check === 'none') {
    if (!/expectedVersion/.test(operation?.description ?? '')) {
      results.push({ message: 'x-version-check: none must be explained in the description (say why there is no expectedVersion)', path: at('description') });
    }
    if (hasProperty) results.push({ message: 'x-version-check: none contradicts a body with expectedVersion', path: at('requestBody') });
    return results;
  }
  if (check === 'optional') {
    if (!hasProperty) results.push({ message: 'x-version-check: optional needs an expectedVersion property in the body', path: at('requestBody') });
  } else if (!hasProperty || !required) {
    results.push({ message: 'PUT/PATCH body must require expectedVersion (or declare x-version-check)', path: at('requestBody') });
  }
  if (!operation?.responses?.['409']) results.push({ message: 'PUT/PATCH must document 409 VERSION_CONFLICT', path: at('responses') });
  return results;
}
