/**
 * JSON with the keys of every object sorted, so one value always serialises to the same bytes: the hash chain
 * depends on it, and the stored jsonb read back serialises to the same text again.
 * Follows JSON.stringify otherwise: `toJSON` is honoured, undefined members are dropped, undefined array items
 * become null.
 */
export function canonicalJson(value: unknown): string {
  // It runs for every appended event: a sorted copy written by the native JSON.stringify is about twice as fast as
  // serialising key by key in JavaScript. A copy cannot hold integer-like keys ("10", "2") in text order (objects
  // put them first, in numeric order), so a value with such keys is serialised key by key.
  const sorted = sortedCopy(value);
  const json = sorted === INDEX_KEYS ? serialise(value) : JSON.stringify(sorted);
  if (json === undefined) throw new TypeError('canonicalJson: the value has no JSON representation');
  return json;
}

/** Returned by sortedCopy when the value holds a key an object would reorder. */
const INDEX_KEYS = Symbol('index keys');

function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    // Like JSON.stringify, the result of toJSON is serialised as it is, not asked for its toJSON again.
    const json = (value as { toJSON(): unknown }).toJSON();
    return json !== null && typeof json === 'object' ? sortedMembers(json) : json;
  }
  return sortedMembers(value);
}

function sortedMembers(value: object): unknown {
  if (Array.isArray(value)) {
    const items = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index += 1) {
      const item = sortedCopy(value[index]);
      if (item === INDEX_KEYS) return INDEX_KEYS;
      items[index] = item;
    }
    return items;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let ordered = true;
  for (let index = 0; index < keys.length; index += 1) {
    const code = keys[index].charCodeAt(0);
    if (code >= 48 && code <= 57 && INDEX_KEY.test(keys[index])) return INDEX_KEYS;
    if (index > 0 && keys[index - 1] > keys[index]) ordered = false;
  }
  if (!ordered) keys.sort();
  const sorted: Record<string, unknown> = {};
  for (const key of keys) {
    const member = sortedCopy(record[key]);
    if (member === INDEX_KEYS) return INDEX_KEYS;
    sorted[key] = member;
  }
  return sorted;
}

/** Keys JavaScript objects order as array indices. */
const INDEX_KEY = /^(0|[1-9]\d{0,9})$/;

/** Key by key, for values with index-like keys. */
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
