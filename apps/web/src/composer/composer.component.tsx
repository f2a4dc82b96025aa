/**
 * The reply composer: GUIDE §3–§4 enforced as the agent types. The policy check's spans are underlined in an
 * overlay that sits exactly under a transparent textarea (same font, padding and wrapping), so the marks
 * follow the text. A block disables Send (a lead or PR may override with a reason the api audits); each
 * warning needs its own tick; Send waits until the text in the box has been checked.
 */
import { forwardRef, useEffect, useId, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client';
import type { MentionDetail, Role, Visibility } from '../api/contract.types';
import { readCheck } from '../api/normalise';
import { useSendReply, useSuggestions, useTakePrivate } from '../api/queries';
import { can } from '../auth/permissions';
import { useToasts } from '../ui/toasts';
import { useReplyCheck } from './reply-check.hook';
import { violationAtCaret, violationSegments } from './violation-segments';

/** The api's minimum (apps/api replies OverrideDto). */
const MIN_OVERRIDE_REASON = 10;

export interface ComposerHandle {
  focus(): void;
}

interface ComposerProps {
  mention: MentionDetail;
  role: Role;
  checkDelayMs?: number;
}

export const Composer = forwardRef<ComposerHandle, ComposerProps>(function Composer({ mention, role, checkDelayMs = 350 }, ref) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const id = useId();
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<Visibility>(mention.isPrivate || mention.case ? 'private' : 'public');
  const [acknowledged, setAcknowledged] = useState<Set<string>>(new Set());
  const [overriding, setOverriding] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const [active, setActive] = useState<number | null>(null);
  const [showSuggestions, setShowSuggestions] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const overlayRef = useRef<HTMLDivElement>(null);

  useImperativeHandle(ref, () => ({ focus: () => textareaRef.current?.focus() }), []);

  const checkState = useReplyCheck(mention.id, body, visibility, checkDelayMs);
  const current = checkState.checkedBody === body && checkState.checkedVisibility === visibility;
  const violations = useMemo(() => (current && checkState.check ? checkState.check.violations : []), [current, checkState.check]);
  const blocks = violations.filter((violation) => violation.level === 'block');
  const warnings = violations.filter((violation) => violation.level === 'warn');
  const segments = useMemo(() => violationSegments(body, violations), [body, violations]);
  // GUIDE §6: a lead or PR (or an admin) may override, with a reason the api audits.
  const canOverride = can(role, 'overridePolicy');
  // The channel's length limit comes with every check (the connectors know it; the composer only repeats it).
  const [limit, setLimit] = useState<number | null>(null);
  useEffect(() => {
    if (checkState.check) setLimit(checkState.check.replyMaxLength);
  }, [checkState.check]);
  // A mention marked do-not-engage takes an answer only with an override (the api refuses it otherwise).
  const doNotEngage = mention.status === 'do_not_engage';
  const needsOverride = blocks.length > 0 || doNotEngage;
  const overLimit = limit !== null && body.length > limit;
  const unticked = warnings.filter((violation) => !acknowledged.has(violation.rule));
  const overrideReady = overriding && overrideReason.trim().length >= MIN_OVERRIDE_REASON;

  const send = useSendReply(mention.id);
  const takePrivate = useTakePrivate(mention.id);
  const suggestions = useSuggestions(mention.id, showSuggestions);

  // A tick belongs to a rule that is still in the text; a rule that came back after an edit must be re-read.
  const warnKey = current && !checkState.pending ? warnings.map((violation) => violation.rule).join(' ') : null;
  useEffect(() => {
    if (warnKey === null) return;
    const present = new Set(warnKey.split(' '));
    setAcknowledged((previous) => {
      const kept = new Set([...previous].filter((rule) => present.has(rule)));
      return kept.size === previous.size ? previous : kept;
    });
  }, [warnKey]);

  useEffect(() => {
    if (!needsOverride) setOverriding(false);
  }, [needsOverride]);

  let disabledReason: string | null = null;
  if (!body.trim()) disabledReason = t('composer.why.empty');
  else if (overLimit) disabledReason = t('composer.why.tooLong', { limit });
  else if (!current || checkState.pending) disabledReason = t('composer.why.checking');
  else if (blocks.length > 0 && !overrideReady) disabledReason = canOverride ? t('composer.why.blockedLead') : t('composer.why.blocked');
  else if (doNotEngage && !overrideReady) disabledReason = canOverride ? t('composer.why.doNotEngageLead') : t('composer.why.doNotEngage');
  else if (unticked.length > 0) disabledReason = t('composer.why.warnings', { count: unticked.length });
  else if (send.isPending) disabledReason = t('composer.why.sending');

  // The box grows with the text instead of scrolling: a scrollbar would narrow the textarea and make its
  // wrapping differ from the overlay's.
  useLayoutEffect(() => {
    const textarea = textareaRef.current;
    if (!textarea) return;
    textarea.style.height = 'auto';
    textarea.style.height = `${textarea.scrollHeight + 2}px`;
  }, [body]);

  const syncScroll = () => {
    if (overlayRef.current && textareaRef.current) overlayRef.current.scrollTop = textareaRef.current.scrollTop;
  };

  const followCaret = () => {
    const caret = textareaRef.current?.selectionStart ?? null;
    if (caret === null) return;
    setActive(violationAtCaret(violations, caret));
  };

  const selectSpan = (index: number) => {
    const span = violations[index]?.spans[0];
    const textarea = textareaRef.current;
    setActive(index);
    if (!span || !textarea) return;
    textarea.focus();
    textarea.setSelectionRange(span.start, span.end);
  };

  const submit = async () => {
    if (disabledReason) return;
    setSendError(null);
    try {
      const reply = await send.mutateAsync({
        body,
        visibility,
        acknowledged: warnings.map((violation) => violation.rule),
        override: needsOverride && overrideReady ? { reason: overrideReason.trim() } : null,
      });
      setBody('');
      setAcknowledged(new Set());
      setOverriding(false);
      setOverrideReason('');
      toasts.show({ tone: 'success', text: reply.status === 'pending_approval' ? t('composer.sentForApproval') : t('composer.queued') });
    } catch (error) {
      if (error instanceof ApiError && Array.isArray(error.problem.violations)) {
        checkState.accept(readCheck({ verdict: error.problem.verdict, violations: error.problem.violations }), body, visibility);
      }
      setSendError(error instanceof Error ? error.message : String(error));
    }
  };

  const onTakePrivate = async () => {
    try {
      const result = await takePrivate.mutateAsync();
      // The api returns the public answer that points the customer to the private channel: post it first.
      if (result.publicReply?.text && !body.trim()) {
        setVisibility('public');
        setBody(result.publicReply.text);
        requestAnimationFrame(() => textareaRef.current?.focus());
      }
      toasts.show({ tone: 'success', text: result.directMessage ? t('composer.privateOpenedDm') : t('composer.privateOpenedContact') });
    } catch (error) {
      toasts.show({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  const statusText = !body.trim()
    ? ''
    : !current || checkState.pending
      ? t('composer.checking')
      : checkState.error
        ? t('composer.checkFailed', { message: checkState.error })
        : violations.length === 0
          ? t('composer.clean')
          : t('composer.summary', { blocks: blocks.length, warnings: warnings.length });

  return (
    <section className="composer" aria-labelledby={`${id}-title`}>
      <div className="composer-head">
        <h3 id={`${id}-title`} className="section-title">
          {t('composer.title')}
        </h3>
        <div className="segmented" role="radiogroup" aria-label={t('composer.visibility')}>
          {(['public', 'private'] as const).map((value) => (
            <label key={value} className={`segment${visibility === value ? ' is-active' : ''}`}>
              <input
                type="radio"
                name={`${id}-visibility`}
                value={value}
                checked={visibility === value}
                onChange={() => setVisibility(value)}
              />
              {t(`composer.${value}`)}
            </label>
          ))}
        </div>
        {!mention.isPrivate ? (
          <button type="button" className="button button-secondary" onClick={() => void onTakePrivate()} disabled={takePrivate.isPending}>
            {t('composer.takePrivate')}
          </button>
        ) : null}
      </div>
      {visibility === 'public' ? <p className="hint">{t('composer.publicHint')}</p> : null}

      <div className="composer-field">
        <div className="composer-overlay" ref={overlayRef} aria-hidden="true" data-testid="composer-overlay">
          {segments.map((segment) =>
            segment.level ? (
              <mark
                key={segment.start}
                className={`violation violation-${segment.level}${segment.violations.includes(active ?? -1) ? ' is-active' : ''}`}
                data-rules={segment.violations.map((index) => violations[index].rule).join(' ')}
                title={segment.violations.map((index) => violations[index].message).join('\n')}
                onMouseEnter={() => setActive(segment.violations[0] ?? null)}
                onMouseDown={(event) => {
                  // The marks take the pointer (for hover); a click still puts the caret where it landed.
                  event.preventDefault();
                  const textarea = textareaRef.current;
                  if (!textarea) return;
                  const doc = document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offset: number } | null };
                  const within =
                    doc.caretPositionFromPoint?.(event.clientX, event.clientY)?.offset ??
                    document.caretRangeFromPoint?.(event.clientX, event.clientY)?.startOffset ??
                    0;
                  const caret = segment.start + Math.min(within, segment.text.length);
                  textarea.focus();
                  textarea.setSelectionRange(caret, caret);
                  setActive(segment.violations[0] ?? null);
                }}
              >
                {segment.text}
              </mark>
            ) : (
              <span key={segment.start}>{segment.text}</span>
            ),
          )}
          {/* A trailing newline needs a character after it to take its line in the overlay. */}
          {'\u200b'}
        </div>
        <textarea
          ref={textareaRef}
          className="composer-input"
          value={body}
          aria-label={t('composer.label')}
          aria-describedby={`${id}-status ${id}-explanation`}
          aria-invalid={blocks.length > 0}
          placeholder={t('composer.placeholder')}
          rows={5}
          onChange={(event) => {
            setBody(event.target.value);
            setSendError(null);
          }}
          onScroll={syncScroll}
          onSelect={followCaret}
          onKeyUp={followCaret}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void submit();
            }
          }}
        />
      </div>

      <div className="composer-bar">
        <span
          id={`${id}-status`}
          className={`check-status${blocks.length ? ' is-block' : warnings.length ? ' is-warn' : ''}`}
          role="status"
        >
          {statusText}
        </span>
        <span
          className={`counter${overLimit ? ' is-over' : ''}`}
          aria-label={limit ? t('composer.counterLabel', { count: body.length, limit }) : undefined}
        >
          {limit ? `${body.length} / ${limit}` : body.length}
        </span>
      </div>

      <div id={`${id}-explanation`} className="violation-explanation" aria-live="polite">
        {active !== null && violations[active] ? (
          <>
            <strong>{t(`rule.${violations[active].rule}`, { defaultValue: violations[active].rule })}: </strong>
            {violations[active].message}
          </>
        ) : null}
      </div>

      {violations.length > 0 ? (
        <ul className="violations" aria-label={t('composer.violations')}>
          {violations.map((violation, index) => (
            <li
              key={`${violation.rule}-${index}`}
              className={`violation-item violation-item-${violation.level}${active === index ? ' is-active' : ''}`}
              onMouseEnter={() => setActive(index)}
              data-rule={violation.rule}
            >
              <span className="violation-level">{t(`composer.level.${violation.level}`)}</span>
              <div className="violation-text">
                <strong>{t(`rule.${violation.rule}`, { defaultValue: violation.rule })}</strong>
                <span> — {violation.message}</span>
              </div>
              {violation.spans.length > 0 ? (
                <button type="button" className="link-button" onClick={() => selectSpan(index)} onFocus={() => setActive(index)}>
                  {t('composer.showInText')}
                </button>
              ) : null}
              {violation.level === 'warn' ? (
                <label className="tick">
                  <input
                    type="checkbox"
                    checked={acknowledged.has(violation.rule)}
                    onChange={(event) =>
                      setAcknowledged((previous) => {
                        const next = new Set(previous);
                        if (event.target.checked) next.add(violation.rule);
                        else next.delete(violation.rule);
                        return next;
                      })
                    }
                  />
                  {t('composer.acknowledge')}
                </label>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}

      {needsOverride && canOverride ? (
        <div className="override">
          <label className="tick">
            <input type="checkbox" checked={overriding} onChange={(event) => setOverriding(event.target.checked)} />
            {t('composer.override')}
          </label>
          {overriding ? (
            <label className="field">
              <span>{t('composer.overrideReason', { min: MIN_OVERRIDE_REASON })}</span>
              <textarea rows={2} value={overrideReason} onChange={(event) => setOverrideReason(event.target.value)} />
            </label>
          ) : null}
        </div>
      ) : null}

      <div className="composer-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={disabledReason !== null}
          aria-describedby={`${id}-why`}
          onClick={() => void submit()}
        >
          {visibility === 'public' ? t('composer.sendPublic') : t('composer.sendPrivate')}
        </button>
        <span id={`${id}-why`} className="hint">
          {disabledReason ?? t('composer.sendHint')}
        </span>
        <span className="spacer" />
        <button
          type="button"
          className="button button-secondary"
          aria-expanded={showSuggestions}
          onClick={() => setShowSuggestions((value) => !value)}
        >
          {t('composer.suggestions')}
        </button>
      </div>
      {sendError ? (
        <p className="error" role="alert">
          {sendError}
        </p>
      ) : null}

      {showSuggestions ? (
        <div className="suggestions">
          {suggestions.isLoading ? <p className="hint">{t('common.loading')}</p> : null}
          {suggestions.isError ? <p className="error">{t('composer.suggestionsFailed')}</p> : null}
          {suggestions.data?.length === 0 ? <p className="hint">{t('composer.noSuggestions')}</p> : null}
          <ul>
            {suggestions.data?.map((suggestion) => (
              <li key={suggestion.id} className="suggestion">
                <p>{suggestion.body}</p>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => {
                    setBody(suggestion.body);
                    if (suggestion.visibility) setVisibility(suggestion.visibility);
                    textareaRef.current?.focus();
                  }}
                >
                  {t('composer.insert')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
});
