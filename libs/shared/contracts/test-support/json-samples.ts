// Values built from a JSON Schema, for the specs that hold the contracts' checks and their JSON Schemas to agreement.
import type { JsonSchema } from '../src/schema';

/** A value the schema describes: every property present, arrays of one item, a nullable's value not null. */
export function sampleOf(json: JsonSchema): unknown {
  if (json.anyOf) return sampleOf(json.anyOf.find((branch) => branch.type !== 'null')!);
  if (json.enum) return json.enum[0];
  if (json.examples) return json.examples[0];
  switch (json.type) {
    case 'object':
      return Object.fromEntries(Object.entries(json.properties ?? {}).map(([key, inner]) => [key, sampleOf(inner)]));
    case 'array':
      return [sampleOf(json.items!)];
    case 'string':
      return 'text';
    case 'integer':
      return 7;
    case 'number':
      return 7.5;
    case 'boolean':
      return true;
    default:
      throw new Error(`no sample for ${JSON.stringify(json)}`);
  }
}

/** Every value the schema names somewhere (literals, examples): probes each field must take or refuse as its check does. */
export function valuesNamedIn(json: JsonSchema): unknown[] {
  return [
    ...(json.enum ?? []),
    ...(json.examples ?? []),
    ...(json.anyOf ?? []).flatMap(valuesNamedIn),
    ...(json.items ? valuesNamedIn(json.items) : []),
    ...Object.values(json.properties ?? {}).flatMap(valuesNamedIn),
  ];
}
