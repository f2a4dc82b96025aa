/**
 * Validation for every DTO: unknown fields are refused (whitelist + forbidNonWhitelisted), values are
 * converted from query strings, and each failure becomes `{field, reason}` with a dotted path
 * (`override.reason`, `ids.3`), so a client can point at the exact input.
 */
import { HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ProblemException, type FieldError } from './problem';

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const reason of Object.values(error.constraints ?? {})) out.push({ field, reason });
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flattenValidationErrors(errors);
      const detail = fields.map((error) => `${error.field}: ${error.reason}`).join('; ');
      return new ProblemException(HttpStatus.BAD_REQUEST, 'validation', detail || 'the request is not valid', { errors: fields });
    },
  });
}
