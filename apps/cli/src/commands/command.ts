/** One `otklik` sub-command. `run` returns the process exit code; heavy modules are imported inside `run`. */
export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  run(args: string[]): Promise<number>;
}

/** A usage error: printed as one line with the command's usage, exit code 2. */
export class UsageError extends Error {}
