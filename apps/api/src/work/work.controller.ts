import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth';
import { bigintParam } from '../http/params';
import { MentionWorkService } from './mention-work.service';
import { NotesService, type NoteView } from './notes.service';
import { AssignDto, BulkDto, CreateNoteDto, UpdateMentionDto } from './work.dto';

@ApiTags('work')
@ApiBearerAuth()
@Controller('api/mentions')
export class WorkController {
  constructor(
    private readonly work: MentionWorkService,
    private readonly notes: NotesService,
  ) {}

  @Post('bulk')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'One action (claim, release, assign, status, snooze) on many mentions; each result is reported.' })
  bulk(@Body() body: BulkDto, @CurrentUser() user: AuthUser): Promise<unknown> {
    return this.work.bulk(user, body);
  }

  @Post(':id/claim')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Lock the mention for 15 minutes (renewable by calling again). 409 names who holds it and since when.' })
  @ApiConflictResponse({ description: 'problem+json with holder { userId, displayName, since, expiresAt }' })
  claim(@Param('id', bigintParam()) id: string, @CurrentUser() user: AuthUser): Promise<unknown> {
    return this.work.claim(user, id);
  }

  @Post(':id/release')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Release the caller's claim (a lead or admin may release anyone's)." })
  release(@Param('id', bigintParam()) id: string, @CurrentUser() user: AuthUser): Promise<unknown> {
    return this.work.release(user, id);
  }

  @Post(':id/assign')
  @HttpCode(HttpStatus.OK)
  @Roles('lead', 'admin')
  @ApiOperation({ summary: 'Assign or reassign (lead/admin; audited). null unassigns.' })
  assign(@Param('id', bigintParam()) id: string, @Body() body: AssignDto, @CurrentUser() user: AuthUser): Promise<unknown> {
    return this.work.assign(user, id, body.userId);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change status (allowed transitions only) and/or snooze.' })
  update(@Param('id', bigintParam()) id: string, @Body() body: UpdateMentionDto, @CurrentUser() user: AuthUser): Promise<unknown> {
    return this.work.update(user, id, body);
  }

  @Post(':id/notes')
  @ApiOperation({ summary: 'Add an internal note; "@handle" or "@email" of a colleague notifies them.' })
  createNote(@Param('id', bigintParam()) id: string, @Body() body: CreateNoteDto, @CurrentUser() user: AuthUser): Promise<NoteView> {
    return this.notes.create(user, id, body.body);
  }

  @Get(':id/notes')
  @ApiOperation({ summary: 'Internal notes of the mention, oldest first.' })
  listNotes(@Param('id', bigintParam()) id: string, @CurrentUser() user: AuthUser): Promise<NoteView[]> {
    return this.notes.list(user, id);
  }
}
