import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CurrentUser, type AuthUser } from '../auth';
import { bigintParam, uuidParam } from '../http/params';
import { CasesService } from './cases.service';
import { queryInteger } from '../http/query-params';

export class ListCasesQuery {
  @ApiPropertyOptional({ enum: ['open', 'resolved'] })
  @IsOptional()
  @IsIn(['open', 'resolved'], { message: 'must be open or resolved' })
  status?: 'open' | 'resolved';

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @queryInteger()
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(200)
  limit?: number;
}

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post('mentions/:id/take-private')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Open the private conversation for a public mention (a DM where the channel allows it, otherwise an invitation to a channel that works). Returns the case and the public answer to post.',
  })
  takePrivate(@Param('id', bigintParam()) id: string, @CurrentUser() user: AuthUser): Promise<unknown> {
    return this.cases.takePrivate(user, id);
  }

  @Get('cases')
  @ApiOperation({ summary: 'Cases of the workspace, soonest resolution due first.' })
  list(@Query() query: ListCasesQuery, @CurrentUser() user: AuthUser): Promise<unknown> {
    return this.cases.list(user, query.status, query.limit ?? 50);
  }

  @Get('cases/:id')
  @ApiOperation({
    summary: 'A case with its SLA clocks, private replies and closingFollowUpAllowed (true only after the customer confirmed).',
  })
  get(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser): Promise<unknown> {
    return this.cases.get(user, id);
  }

  @Post('cases/:id/customer-confirmed')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Record that the customer thanked or confirmed the outcome: the closing public follow-up becomes available.' })
  customerConfirmed(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser): Promise<unknown> {
    return this.cases.customerConfirmed(user, id);
  }

  @Post('cases/:id/resolve')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Resolve the case (stops the resolution clock; the public mention is resolved too).' })
  resolve(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser): Promise<unknown> {
    return this.cases.resolve(user, id);
  }
}
