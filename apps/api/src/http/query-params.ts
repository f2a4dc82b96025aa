/**
 * Query-string conversions for DTOs (a query string has only strings): lists, whole numbers, booleans, and the
 * page/pageSize pair of paged lists. A value that does not convert is passed on unchanged, so the validators
 * after it name the field and the reason.
 */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `a,b` or repeated `?x=a&x=b` → ['a', 'b']. */
export const queryList = () =>
  Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item.length > 0)
      : value,
  );

/** `'42'` → 42. */
export const queryInteger = () => Transform(({ value }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value));

/** `'true'` / `'false'` → true / false. */
export const queryBoolean = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

/** `page` (from 1) and `pageSize` (1–200, default 50) of a paged list. */
export class PageQuery {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @queryInteger()
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @queryInteger()
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(200)
  pageSize?: number;
}
