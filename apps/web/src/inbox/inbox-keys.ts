/**
 * Inbox keyboard shortcuts (Gmail-like single keys). They act only when focus is not in a text field, so
 * typing a reply never claims or resolves anything; Escape leaves a field so the keys work again.
 */
import { useEffect, useRef } from 'react';

export type InboxAction =
  | 'next'
  | 'previous'
  | 'open'
  | 'toggle'
  | 'extendNext'
  | 'extendPrevious'
  | 'claim'
  | 'reply'
  | 'note'
  | 'resolve'
  | 'search'
  | 'help'
  | 'escape';

export const SHORTCUTS: { keys: string[]; action: InboxAction }[] = [
  { keys: ['j', '↓'], action: 'next' },
  { keys: ['k', '↑'], action: 'previous' },
  { keys: ['Enter'], action: 'open' },
  { keys: ['x'], action: 'toggle' },
  { keys: ['Shift+j', 'Shift+↓'], action: 'extendNext' },
  { keys: ['Shift+k', 'Shift+↑'], action: 'extendPrevious' },
  { keys: ['c'], action: 'claim' },
  { keys: ['r'], action: 'reply' },
  { keys: ['n'], action: 'note' },
  { keys: ['e'], action: 'resolve' },
  { keys: ['/'], action: 'search' },
  { keys: ['?'], action: 'help' },
  { keys: ['Esc'], action: 'escape' },
];

export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
}

export function keyToAction(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target'>,
): InboxAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === 'Escape') return 'escape';
  if (isTextField(event.target)) return null;
  // Enter on a button or link keeps its own meaning.
  if (event.key === 'Enter' && event.target instanceof HTMLElement && ['BUTTON', 'A', 'SUMMARY'].includes(event.target.tagName))
    return null;
  switch (event.key) {
    // Shift+j arrives as "J" (and as "j" with shiftKey where a layout says so); Shift+arrows keep their key.
    case 'J':
      return 'extendNext';
    case 'K':
      return 'extendPrevious';
    case 'x':
      return 'toggle';
    case 'j':
    case 'ArrowDown':
      if (event.shiftKey) return 'extendNext';
      return 'next';
    case 'k':
    case 'ArrowUp':
      if (event.shiftKey) return 'extendPrevious';
      return 'previous';
    case 'Enter':
      return 'open';
    case 'c':
      return 'claim';
    case 'r':
      return 'reply';
    case 'n':
      return 'note';
    case 'e':
      return 'resolve';
    case '/':
      return 'search';
    case '?':
      return 'help';
    default:
      return null;
  }
}

/** Listens on the document while mounted; `handle` returns false for an action it did not use. */
export function useInboxKeys(handle: (action: InboxAction, event: KeyboardEvent) => boolean | void, enabled = true): void {
  const latest = useRef(handle);
  useEffect(() => {
    latest.current = handle;
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const action = keyToAction(event);
      if (!action) return;
      // Arrow keys inside other widgets (a select, a radio group) keep their own meaning.
      if (
        (event.key === 'ArrowDown' || event.key === 'ArrowUp') &&
        event.target instanceof HTMLElement &&
        !event.target.closest('[data-inbox-list]') &&
        event.target !== document.body
      )
        return;
      if (latest.current(action, event) !== false && action !== 'escape') event.preventDefault();
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [enabled]);
}
