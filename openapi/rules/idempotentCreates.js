// A create (answers 201) accepts the Idempotency-Key header.
export default function idempotentCreates(operation, _options, context) {
  if (!operation?.responses?.['201']) return [];
  const params = operation.parameters ?? [];
  const accepts = params.some((p) => p.$ref === '#/components/parameters/IdempotencyKey' || (p.in === 'header' && p.name === 'Idempotency-Key'));
  return accepts ? [] : [{ message: 'create operation must accept the Idempotency-Key header', path: [...context.path, 'parameters'] }];
}
