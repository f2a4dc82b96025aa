/** The summary `otklik reclassify` prints on stdout, one block per workspace. */
import { TRACKED_LABELS } from './relabel-tally';
import type { WorkspaceReport } from './reclassify-run';

export function formatSummary(report: WorkspaceReport, classifierVersion: string, dryRun: boolean): string {
  const { workspace, tally } = report;
  const name = `workspace ${workspace.slug} (${workspace.name}, ${workspace.id})`;
  if (report.outcome === 'up-to-date') return `${name}: up to date, every mention is labelled by classifier ${classifierVersion}\n`;
  if (report.outcome === 'empty') return `${name}: no labelled mentions in range\n`;
  const head = [
    `${name}: ${tally.read} mentions read from ${report.from ? report.from.toISOString() : 'the first one'}`,
    `${tally.relabelled} ${dryRun ? 'would be re-labelled' : 're-labelled'} with classifier ${classifierVersion}`,
    `${tally.failed} could not be classified`,
  ].join(', ');
  const lines = [
    `${head}${report.resumed ? ' (continued a stopped run)' : ''}${dryRun ? ' — dry run, nothing written' : ''}`,
    ...(report.outcome === 'stopped' ? ['  stopped before the end: run the same command again to continue from here'] : []),
    `  changed: ${TRACKED_LABELS.map((label) => `${label} ${tally.changed[label]}`).join(', ')}`,
    `  incidents: ${tally.incidents.created.length} created, ${tally.incidents.updated.length} updated, ` +
      `${tally.incidents.attached.length} new clusters attached to incidents people worked on, ${tally.incidents.deleted.length} deleted, ` +
      `${tally.incidents.kept.length} left without mentions but kept`,
    `  campaigns: ${tally.campaigns.created.length} created, ${tally.campaigns.updated.length} updated, ${tally.campaigns.deleted.length} deleted, ` +
      `${tally.campaigns.kept.length} left without mentions but kept`,
  ];
  return `${lines.join('\n')}\n`;
}
