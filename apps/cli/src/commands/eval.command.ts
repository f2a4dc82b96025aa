import { join } from 'node:path';
import { corpusDevDir } from '@otklik/config';
import type { EvalSection } from '../eval/eval-section';
import { evaluateClassifier } from '../eval/classifier.eval';
import { evaluateEscalation } from '../eval/escalation.eval';
import { evaluateReplyPolicy } from '../eval/reply-policy.eval';
import { UsageError, type CliCommand } from './command';

/** Every evaluation section, by name; each reads its file of the corpus folder. */
const SECTIONS: Record<string, (corpusDir: string) => Promise<EvalSection>> = {
  classifier: evaluateClassifier,
  'reply-policy': evaluateReplyPolicy,
  escalation: evaluateEscalation,
};

export const evalCommand: CliCommand = {
  name: 'eval',
  usage: 'otklik eval [--corpus DIR] [--only SECTION[,SECTION]]',
  summary: 'score the classifier, reply policy and escalation against a labeled corpus (default ../shared/corpus/dev)',
  async run(args) {
    let corpusDir = corpusDevDir();
    let only: string[] | null = null;
    for (let i = 0; i < args.length; i += 1) {
      if (args[i] === '--corpus') corpusDir = args[++i] ?? '';
      else if (args[i] === '--only') only = (args[++i] ?? '').split(',').filter(Boolean);
      else throw new UsageError(`unknown argument ${args[i]}`);
    }
    const unknown = (only ?? []).filter((name) => !(name in SECTIONS));
    if (unknown.length > 0) throw new UsageError(`unknown section ${unknown.join(', ')}; sections: ${Object.keys(SECTIONS).join(', ')}`);
    const summary: string[] = [];
    let failed = 0;
    for (const [name, evaluate] of Object.entries(SECTIONS)) {
      if (only && !only.includes(name)) continue;
      const section = await evaluate(join(corpusDir));
      process.stdout.write(`\n== ${section.title} ==\n${section.lines.join('\n')}\n`);
      for (const check of section.checks) {
        if (!check.pass) failed += 1;
        summary.push(`${check.pass ? 'PASS' : 'MISS'}  ${name}: ${check.name} = ${check.value.toFixed(3)} (target ${check.target})`);
      }
    }
    process.stdout.write(`\n== Targets ==\n${summary.join('\n')}\n${summary.length - failed} met, ${failed} missed\n`);
    return 0;
  },
};
