/**
 * JSON with the keys of every object sorted, so one value always serialises to the same bytes: the hash chain
 * depends on it, and the stored jsonb read back serialises to the same text again.
 * Follows JSON.stringify otherwise: `toJSON` is honoured, undefined members are dropped, undefined array items
 * become null.
 */
export function canonicalJson(value: unknown): string {
  const json = serialise(value);
  if (json === undefined) throw new TypeError('canonicalJson: the value has no JSON representation');
  return json;
}

/** Written for speed (it runs for every appended and published event): no intermediate arrays or closures. */
function serialise(value: unknown, viaToJson = false): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      return undefined;
  }
  if (value === null) return 'null';
  if (!viaToJson && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return serialise((value as { toJSON(): unknown }).toJSON(), true);
  }
  if (Array.isArray(value)) {
    let json = '[';
    for (let index = 0; index < value.length; index += 1) {
      json += `${index === 0 ? '' : ','}${serialise(value[index]) ?? 'null'}`;
    }
    return `${json}]`;
  }
  const record = value as Record<string, unknown>;
  let json = '{';
  for (const key of Object.keys(record).sort()) {
    const member = serialise(record[key]);
    if (member !== undefined) json += `${json.length === 1 ? '' : ','}${JSON.stringify(key)}:${member}`;
  }
  return `${json}}`;
}
