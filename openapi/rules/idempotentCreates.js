// A create (answers 201) accepts the Idempotency-Key header (optional, or required where a duplicate must never happen).
const KEY_PARAMETERS = ['#/components/parameters/IdempotencyKey', '#/components/parameters/RequiredIdempotencyKey'];

export default function idempotentCreates(operation, _options, context) {
  if (!operation?.responses?.['201']) return [];
  const params = operation.parameters ?? [];
  const accepts = params.some((p) => KEY_PARAMETERS.includes(p.$ref) || (p.in === 'header' && p.name === 'Idempotency-Key'));
  return accepts ? [] : [{ message: 'create operation must accept the Idempotency-Key header', path: [...context.path, 'parameters'] }];
}
