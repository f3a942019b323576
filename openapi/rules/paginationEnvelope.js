// Every list schema (named *Page) is exactly { items: [...], nextCursor: string|null, total: integer }.
export default function paginationEnvelope(schemas) {
  const results = [];
  for (const [name, schema] of Object.entries(schemas ?? {})) {
    if (!name.endsWith('Page')) continue;
    const props = schema.properties ?? {};
    const keys = Object.keys(props).sort().join(',');
    const ok =
      keys === 'items,nextCursor,total' &&
      props.items.type === 'array' &&
      JSON.stringify(props.nextCursor.type) === JSON.stringify(['string', 'null']) &&
      props.total.type === 'integer' &&
      JSON.stringify([...(schema.required ?? [])].sort()) === JSON.stringify(['items', 'nextCursor', 'total']);
    if (!ok) results.push({ message: `${name} must be the pagination envelope { items, nextCursor, total }`, path: ['components', 'schemas', name] });
  }
  return results;
}
