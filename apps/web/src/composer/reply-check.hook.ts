/**
 * Checks the draft against the reply policy while the agent types: debounced, and only the answer for the
 * text now in the box counts (an older answer arriving late is dropped; its spans would point at the wrong
 * characters). The composer keeps Send disabled until the current text has been checked.
 */
import { useEffect, useRef, useState } from 'react';
import type { ReplyCheck, Visibility } from '../api/contract.types';
import { checkReply } from '../api/queries';
import { useApi } from '../app/services';

export interface ReplyCheckState {
  check: ReplyCheck | null;
  /** The text and visibility `check` is about. */
  checkedBody: string | null;
  checkedVisibility: Visibility | null;
  pending: boolean;
  error: string | null;
}

export function useReplyCheck(
  mentionId: string,
  body: string,
  visibility: Visibility,
  delayMs = 350,
): ReplyCheckState & { accept(check: ReplyCheck, body: string, visibility: Visibility): void } {
  const api = useApi();
  const [state, setState] = useState<ReplyCheckState>({
    check: null,
    checkedBody: null,
    checkedVisibility: null,
    pending: false,
    error: null,
  });
  const sequence = useRef(0);

  useEffect(() => {
    const id = ++sequence.current;
    if (!body.trim()) {
      setState({ check: null, checkedBody: body, checkedVisibility: visibility, pending: false, error: null });
      return;
    }
    setState((previous) => ({ ...previous, pending: true }));
    const controller = new AbortController();
    const timer = setTimeout(() => {
      checkReply(api, mentionId, body, visibility, controller.signal).then(
        (check) => {
          if (id === sequence.current) setState({ check, checkedBody: body, checkedVisibility: visibility, pending: false, error: null });
        },
        (error: unknown) => {
          if (id !== sequence.current || controller.signal.aborted) return;
          setState((previous) => ({ ...previous, pending: false, error: error instanceof Error ? error.message : String(error) }));
        },
      );
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, mentionId, body, visibility, delayMs]);

  return {
    ...state,
    // The server's verdict on a refused send replaces ours: it is the one that counts.
    accept: (check, acceptedBody, acceptedVisibility) => {
      sequence.current += 1;
      setState({ check, checkedBody: acceptedBody, checkedVisibility: acceptedVisibility, pending: false, error: null });
    },
  };
}
