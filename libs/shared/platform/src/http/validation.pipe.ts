import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

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

/**
 * Every request body and query is validated against its DTO; unknown fields are refused so a typo in a field
 * name is reported rather than silently dropped. The 400 names each field and what to send instead.
 */
export const registryValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
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
  });
