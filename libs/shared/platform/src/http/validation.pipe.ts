import {
  BadRequestException,
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationError,
  type ValidationPipeOptions,
} from '@nestjs/common';

export interface FieldProblem {
  readonly field: string;
  readonly problems: string[];
}

/** Flattens nested validation errors into one entry per field path, e.g. `address.villageCode`. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** Deeper than any request of the registry (a batch item's address is 4 levels down), shallow enough to walk. */
export const MAX_BODY_DEPTH = 32;

/** The path of the first value nested deeper than `limit`, or null; iterative, so no body can exhaust the stack. */
export function tooDeep(value: unknown, limit = MAX_BODY_DEPTH): string | null {
  const pending: Array<{ value: unknown; path: string[] }> = [{ value, path: [] }];
  while (pending.length > 0) {
    const { value: node, path } = pending.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (path.length >= limit) return path.slice(0, 3).join('.') + '…';
    for (const [key, child] of Object.entries(node)) pending.push({ value: child, path: [...path, key] });
  }
  return null;
}

/**
 * The shape of a body is checked before it is transformed: class-transformer recurses into every nested value
 * (a body nested thousands of levels deep exhausted the stack: 500), and an array or a bare value would be
 * reported as "property 0 should not exist" instead of what it is.
 */
class RegistryValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && value !== undefined) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw refusal(
          'body',
          'the body must be one JSON object with the fields of the request, e.g. {"field": "value"}',
        );
      }
      const deep = tooDeep(value);
      if (deep !== null) {
        throw refusal(deep, `${deep} nests deeper than ${MAX_BODY_DEPTH} levels: send the value the field expects`);
      }
    }
    return super.transform(value, metadata);
  }
}

const refusal = (field: string, problem: string): BadRequestException =>
  new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: problem,
    fields: [{ field, problems: [problem] }],
  });

const options: ValidationPipeOptions = {
  transform: true,
  whitelist: true,
  forbidNonWhitelisted: true,
  exceptionFactory: (errors) => {
    const problems = fieldProblems(errors);
    return new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: problems.map((problem) => `${problem.field}: ${problem.problems.join('; ')}`).join(' | '),
      fields: problems,
    });
  },
};

/**
 * Every request body and query is validated against its DTO; unknown fields are refused so a typo in a field
 * name is reported rather than silently dropped. The 400 names each field and what to send instead.
 */
export const registryValidationPipe = (): ValidationPipe => new RegistryValidationPipe(options);
