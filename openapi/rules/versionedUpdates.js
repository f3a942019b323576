// Updates of shared records carry expectedVersion and document 409 VERSION_CONFLICT.
export default function versionedUpdates(operation, _options, context) {
  const results = [];
  const ref = operation?.requestBody?.content?.['application/json']?.schema?.$ref;
  const schemaName = ref?.split('/').pop();
  const schema = schemaName ? context.document.data.components?.schemas?.[schemaName] : undefined;
  if (!schema?.properties?.expectedVersion || !(schema.required ?? []).includes('expectedVersion')) {
    results.push({ message: 'PUT/PATCH body must require expectedVersion', path: [...context.path, 'requestBody'] });
  }
  if (!operation?.responses?.['409']) results.push({ message: 'PUT/PATCH must document 409 VERSION_CONFLICT', path: [...context.path, 'responses'] });
  return results;
}
