/** The incident view for PR in one call: scope, affected count, velocity, time-to-media estimate. */
import type { MentionInput } from '@otklik/domain';
import { assessScope, DEFAULT_SCOPE_SETTINGS, type ScopeAssessment, type ScopeSettings } from './incident-scope.rule';
import { measureVelocity, type IncidentVelocity } from './incident-velocity';
import { DEFAULT_MEDIA_PICKUP_SETTINGS, estimateMediaPickup, mediaInvolvedIn, type MediaPickupEstimate, type MediaPickupSettings } from './media-pickup.estimate';

export interface IncidentAssessment {
  scope: ScopeAssessment;
  velocity: IncidentVelocity;
  media: MediaPickupEstimate;
  /** The mention that made it public, if any. */
  mediaMentionId: string | null;
}

export interface IncidentAssessmentOptions {
  knownAffected?: number | null;
  velocityWindowMinutes?: number;
  scope?: ScopeSettings;
  media?: MediaPickupSettings;
}

export function assessIncident(mentions: readonly MentionInput[], options: IncidentAssessmentOptions = {}): IncidentAssessment | null {
  const velocity = measureVelocity(mentions, options.velocityWindowMinutes ?? 60);
  if (velocity.lastAt === null) return null;
  const mediaMention = mediaInvolvedIn(mentions);
  return {
    scope: assessScope(mentions, options.scope ?? DEFAULT_SCOPE_SETTINGS),
    velocity,
    media: estimateMediaPickup(
      { affectedPublic: velocity.affected, knownAffected: options.knownAffected ?? null, velocityPerHour: velocity.perHour, mediaInvolved: mediaMention !== null, at: velocity.lastAt },
      options.media ?? DEFAULT_MEDIA_PICKUP_SETTINGS,
    ),
    mediaMentionId: mediaMention?.externalId ?? null,
  };
}
