/** The API's HTTP conventions: problem+json errors, validation, id parameters. */
export * from './problem';
export { ProblemFilter, problemFromError, sendProblem } from './problem.filter';
export { createValidationPipe, flattenValidationErrors } from './validation.pipe';
export { bigintParam, uuidParam } from './params';
export { queryRows } from './sql-rows';
export { HttpFoundationModule } from './http.module';
