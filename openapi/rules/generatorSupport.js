// Forbids what the project's DTO generator cannot express as class-validator classes.
const FORBIDDEN = ['oneOf', 'anyOf', 'allOf', 'not', 'if', 'then', 'else', 'patternProperties', 'discriminator', 'prefixItems'];

function walk(node, path, results, isRoot) {
  if (!node || typeof node !== 'object') return;
  for (const key of FORBIDDEN) if (key in node) results.push({ message: `"${key}" is not supported by the DTO generator`, path: [...path, key] });
  if (!isRoot && node.properties) results.push({ message: 'inline object with properties: name it in components.schemas', path });
  if (Array.isArray(node.type) && node.type.filter((t) => t !== 'null').length > 1) results.push({ message: 'only `[T, "null"]` unions are supported', path });
  for (const [key, value] of Object.entries(node.properties ?? {})) walk(value, [...path, 'properties', key], results, false);
  if (node.items) walk(node.items, [...path, 'items'], results, false);
  if (typeof node.additionalProperties === 'object') walk(node.additionalProperties, [...path, 'additionalProperties'], results, false);
}

export default function generatorSupport(schemas) {
  const results = [];
  for (const [name, schema] of Object.entries(schemas ?? {})) walk(schema, ['components', 'schemas', name], results, true);
  return results;
}
