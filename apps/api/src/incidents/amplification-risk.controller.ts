import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentUser, type AuthUser } from '../auth';
import { bigintParam, notFound } from '../http';
import { assessAmplificationRisk, type AmplificationRisk } from './amplification-risk.rule';

interface MentionReachRow {
  is_private: boolean;
  reposts: number | null;
  likes: number | null;
  intent: string | null;
  cause: string | null;
  campaign_id: string | null;
  published_at: Date;
  followers: number | null;
  verified: boolean | null;
  kind: string | null;
  account_created_at: Date | null;
  escalation_level: string | null;
  thread_size: number;
  thread_authors: number;
}

@ApiTags('mentions')
@ApiBearerAuth()
@Controller('api/mentions')
export class AmplificationRiskController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(':id/amplification-risk')
  @ApiOperation({
    summary: "Streisand caution: the post's reach (followers, reposts, likes, thread size) and the risk that hiding, deleting or answering it spreads it further, with why.",
  })
  @ApiOkResponse({ description: '{reach, risk, actions: {answer, hide, delete}, explanation}' })
  async amplificationRisk(@Param('id', bigintParam()) id: string, @CurrentUser() user: AuthUser): Promise<AmplificationRisk & { mentionId: string }> {
    const [row]: MentionReachRow[] = await this.dataSource.query(
      `SELECT m.is_private, m.reposts, m.likes, m.intent, m.cause, m.campaign_id, m.published_at, a.followers, a.verified, a.kind, a.account_created_at,
              t.escalation_level, t.mention_count AS thread_size,
              (SELECT count(DISTINCT x.author_id)::int FROM mention x WHERE x.thread_id = m.thread_id) AS thread_authors
         FROM mention m JOIN author a ON a.id = m.author_id JOIN thread t ON t.id = m.thread_id
        WHERE m.id = $1 AND m.workspace_id = $2`,
      [id, user.workspaceId],
    );
    if (!row) throw notFound('mention', id);
    const risk = assessAmplificationRisk(
      {
        isPrivate: row.is_private,
        followers: row.followers,
        verified: row.verified,
        authorKind: row.kind,
        accountAgeDays: row.account_created_at ? (row.published_at.getTime() - row.account_created_at.getTime()) / 86_400_000 : null,
        reposts: row.reposts,
        likes: row.likes,
        threadSize: row.thread_size,
        threadAuthors: row.thread_authors,
        threadLevel: row.escalation_level,
        intent: row.intent,
        cause: row.cause,
        inCampaign: row.campaign_id !== null,
      },
      user.locale === 'ru' ? 'ru' : 'en',
    );
    return { mentionId: id, ...risk };
  }
}
