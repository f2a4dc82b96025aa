/** One section of `npm run eval`: printable lines plus the figures checked against the issues' targets. */
export interface EvalCheck {
  name: string;
  value: number;
  /** e.g. ">= 0.85" */
  target: string;
  pass: boolean;
}

export interface EvalSection {
  title: string;
  lines: string[];
  checks: EvalCheck[];
}

export function atLeast(name: string, value: number, target: number): EvalCheck {
  return { name, value, target: `>= ${target}`, pass: value >= target };
}

export function atMost(name: string, value: number, target: number): EvalCheck {
  return { name, value, target: `<= ${target}`, pass: value <= target };
}
