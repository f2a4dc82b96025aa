import { benchClassifier } from '../bench/classifier.bench';
import { benchInbox } from '../bench/inbox.bench';
import { benchPipeline } from '../bench/pipeline.bench';
import { UsageError, type CliCommand } from './command';

/** Every benchmark section, by name. Figures are reported, never asserted (speed targets are not tests). */
const SECTIONS: Record<string, () => Promise<string[]>> = {
  classifier: () => benchClassifier(),
  pipeline: () => benchPipeline(),
  inbox: () => benchInbox(),
};

export const benchCommand: CliCommand = {
  name: 'bench',
  usage: 'otklik bench [--only SECTION[,SECTION]]',
  summary: `measure speed (sections: ${Object.keys(SECTIONS).join(', ')}) on this machine`,
  async run(args) {
    let only: string[] | null = null;
    for (let i = 0; i < args.length; i += 1) {
      if (args[i] === '--only') only = (args[++i] ?? '').split(',').filter(Boolean);
      else throw new UsageError(`unknown argument ${args[i]}`);
    }
    const unknown = (only ?? []).filter((name) => !(name in SECTIONS));
    if (unknown.length > 0) throw new UsageError(`unknown section ${unknown.join(', ')}; sections: ${Object.keys(SECTIONS).join(', ')}`);
    for (const [name, run] of Object.entries(SECTIONS)) {
      if (only && !only.includes(name)) continue;
      process.stdout.write(`\n== ${name} ==\n`);
      const started = Date.now();
      const lines = await run();
      process.stdout.write(`${lines.join('\n')}\n(${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    }
    return 0;
  },
};
