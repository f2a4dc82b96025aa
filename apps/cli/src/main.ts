#!/usr/bin/env node
import 'reflect-metadata';
import { UsageError, type CliCommand } from './commands/command';
import { benchCommand } from './commands/bench.command';
import { checkRepliesCommand } from './commands/check-replies.command';
import { classifyCommand } from './commands/classify.command';
import { evalCommand } from './commands/eval.command';
import { migrateCommand } from './commands/migrate.command';
import { reclassifyCommand } from './commands/reclassify.command';
import { replayCommand } from './commands/replay.command';
import { seedDemoCommand } from './commands/seed-demo.command';
import { userCreateCommand } from './commands/user-create.command';

/** Every `otklik` sub-command (one line each). */
const COMMANDS: CliCommand[] = [
  migrateCommand,
  seedDemoCommand,
  userCreateCommand,
  classifyCommand,
  reclassifyCommand,
  checkRepliesCommand,
  replayCommand,
  evalCommand,
  benchCommand,
];

function help(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length)) + 2;
  return [
    'usage: otklik <command> [arguments]',
    '',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}${command.summary}`),
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    process.stderr.write(`otklik: unknown command "${name}"\n${help()}\n`);
    return 2;
  }
  if (args.includes('--help')) {
    process.stdout.write(`usage: ${command.usage}\n${command.summary}\n`);
    return 0;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`otklik ${name}: ${error.message}\nusage: ${command.usage}\n`);
      return 2;
    }
    process.stderr.write(`otklik ${name}: ${(error as Error).message}\n`);
    if (process.env.OTKLIK_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`otklik: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
