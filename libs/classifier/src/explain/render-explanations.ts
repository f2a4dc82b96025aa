/**
 * Stored explanations (`mention.explain`) as sentences in the reader's language, for the inbox and the CLI.
 * Pure: no I/O, no state.
 */
import type { Explanation } from '@otklik/domain';
import {
  EXPLANATION_MESSAGES,
  isExplanationKey,
  quotedEn,
  quotedRu,
  type ExplanationLocale,
  type ExplanationMessage,
  type ExplanationParam,
} from './explanation.catalogue';

/** Per label, its reasons as sentences: `{ intent: [...], cause: [...], ... }`, labels in stored order. */
export type RenderedExplanations = Record<string, string[]>;

/** 'ru' for Russian; every other value (the user's locale as stored, possibly something else) reads English. */
export function explanationLocale(locale: string | null | undefined): ExplanationLocale {
  return locale === 'ru' ? 'ru' : 'en';
}

/**
 * Renders a stored `explain` object in `locale` ('ru' | 'en'). Accepts what rows hold:
 * - Explanation entries (`{ key, ...params }`), rendered from the catalogue;
 * - strings: rows labelled before explanations were language-neutral hold English sentences, passed through
 *   unchanged (a label may even mix both);
 * - an entry whose key this build does not know (written by a newer classifier during a rolling deploy) or
 *   whose parameters are missing: its key, with its quoted phrases if any, rather than nothing.
 * Anything else (null, a non-object, a label that is not a list, a non-entry item) gives no sentences.
 */
export function renderExplanations(explain: unknown, locale: string): RenderedExplanations {
  const language = explanationLocale(locale);
  const rendered: RenderedExplanations = {};
  if (!isRecord(explain) || Array.isArray(explain)) return rendered;
  for (const [label, entries] of Object.entries(explain)) {
    if (!Array.isArray(entries)) continue;
    rendered[label] = entries.flatMap((entry: unknown) => {
      if (typeof entry === 'string') return [entry];
      if (isRecord(entry) && typeof entry.key === 'string') return [renderExplanation(entry as unknown as Explanation, language)];
      return [];
    });
  }
  return rendered;
}

/** One explanation as a sentence in `locale`. */
export function renderExplanation(explanation: Explanation, locale: ExplanationLocale): string {
  const { key } = explanation;
  if (isExplanationKey(key)) {
    const message: ExplanationMessage = EXPLANATION_MESSAGES[key];
    if (message.params.every((param) => hasParam(explanation, param))) return message[locale](explanation as Required<Explanation>);
  }
  const phrases = hasParam(explanation, 'phrases') && explanation.phrases!.length > 0 ? explanation.phrases! : null;
  return phrases ? `${key}: ${locale === 'ru' ? quotedRu(phrases) : quotedEn(phrases)}` : key;
}

function hasParam(explanation: Explanation, param: ExplanationParam): boolean {
  const value: unknown = explanation[param];
  switch (param) {
    case 'phrases':
      return Array.isArray(value) && value.every((phrase) => typeof phrase === 'string');
    case 'count':
    case 'days':
      return typeof value === 'number' && Number.isFinite(value);
    case 'campaign':
    case 'kind':
    case 'evidence':
      return typeof value === 'string';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
