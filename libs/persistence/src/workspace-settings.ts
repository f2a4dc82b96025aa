import type { Severity } from '@otklik/domain';

/** Per-workspace settings stored as JSON on the workspace row; missing keys fall back to these defaults. */
export interface WorkspaceSettings {
  /** First-response targets in minutes, per severity. */
  slaFirstResponseMinutes: Record<Severity, number>;
  /** Resolution targets in minutes, per severity. */
  slaResolutionMinutes: Record<Severity, number>;
  /** IANA time zone of the team's business calendar. */
  timeZone: string;
  /** Business hours per ISO weekday (1 = Monday ... 7 = Sunday) as [startHour, endHour); absent = closed. Null = 24/7. */
  businessHours: Record<string, [number, number]> | null;
}

export const DEFAULT_WORKSPACE_SETTINGS: WorkspaceSettings = {
  slaFirstResponseMinutes: { critical: 15, high: 60, medium: 240, low: 1440 },
  slaResolutionMinutes: { critical: 240, high: 1440, medium: 2880, low: 10080 },
  timeZone: 'Europe/Moscow',
  businessHours: null,
};

export function workspaceSettings(stored: Partial<WorkspaceSettings> | null | undefined): WorkspaceSettings {
  return {
    ...DEFAULT_WORKSPACE_SETTINGS,
    ...(stored ?? {}),
    slaFirstResponseMinutes: { ...DEFAULT_WORKSPACE_SETTINGS.slaFirstResponseMinutes, ...(stored?.slaFirstResponseMinutes ?? {}) },
    slaResolutionMinutes: { ...DEFAULT_WORKSPACE_SETTINGS.slaResolutionMinutes, ...(stored?.slaResolutionMinutes ?? {}) },
  };
}
