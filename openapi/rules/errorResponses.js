// Every operation documents at least one 4xx/5xx, each with the shared Error schema.
export default function errorResponses(operation, _options, context) {
  const results = [];
  const responses = operation?.responses ?? {};
  const errorStatuses = Object.keys(responses).filter((status) => /^[45]/.test(status));
  if (errorStatuses.length === 0) results.push({ message: 'operation documents no 4xx/5xx response', path: [...context.path, 'responses'] });
  for (const status of errorStatuses) {
    let response = responses[status];
    if (response?.$ref) response = context.document.data.components?.responses?.[response.$ref.split('/').pop()];
    const schema = response?.content?.['application/json']?.schema;
    if (schema?.$ref !== '#/components/schemas/Error') {
      results.push({ message: `${status} must use #/components/schemas/Error`, path: [...context.path, 'responses', status] });
    }
  }
  return results;
}
