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

function serialise(value: unknown): string | undefined {
  const plain = hasToJson(value) ? value.toJSON() : value;
  if (plain === null || typeof plain !== 'object') return JSON.stringify(plain);
  if (Array.isArray(plain)) return `[${plain.map((item) => serialise(item) ?? 'null').join(',')}]`;
  const record = plain as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const member = serialise(record[key]);
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`);
  }
  return `{${members.join(',')}}`;
}

const hasToJson = (value: unknown): value is { toJSON(): unknown } =>
  value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function';
