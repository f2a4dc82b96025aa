/**
 * Internal notes: never shown to the customer; they carry the context when a case changes hands (GUIDE §4).
 * Typing @ offers colleagues; picking one writes their handle (the part of the e-mail before @), which the
 * api resolves and notifies (it also accepts the whole e-mail or the display name without spaces).
 */
import { forwardRef, useId, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note, WorkspaceUser } from '../api/contract.types';
import { useAddNote, useUsers } from '../api/queries';
import { useFormat } from '../i18n/format';

export interface NotesHandle {
  focus(): void;
}

/** The @word being typed at the caret, if any. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([\p{L}\p{N}._-]{0,30})$/u.exec(before);
  if (!match) return null;
  return { start: caret - match[2].length - 1, query: match[2].toLowerCase() };
}

export function handleOf(user: Pick<WorkspaceUser, 'email'>): string {
  return user.email.split('@')[0] ?? user.email;
}

export const Notes = forwardRef<NotesHandle, { mentionId: string; notes: Note[] }>(function Notes({ mentionId, notes }, ref) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const users = useUsers();
  const add = useAddNote(mentionId);
  const [body, setBody] = useState('');
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(ref, () => ({ focus: () => inputRef.current?.focus() }), []);

  const candidates = useMemo(() => {
    if (!query) return [];
    return (users.data ?? [])
      .filter((user) => user.displayName.toLowerCase().includes(query.query) || user.email.toLowerCase().startsWith(query.query))
      .slice(0, 6);
  }, [query, users.data]);

  const pick = (user: WorkspaceUser) => {
    if (!query) return;
    const caret = inputRef.current?.selectionStart ?? body.length;
    const next = `${body.slice(0, query.start)}@${handleOf(user)} ${body.slice(caret)}`;
    setBody(next);
    setQuery(null);
    requestAnimationFrame(() => inputRef.current?.focus());
  };

  const submit = async () => {
    const text = body.trim();
    if (!text) return;
    await add.mutateAsync({ body: text });
    setBody('');
  };

  return (
    <section className="notes" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="section-title">
        {t('notes.title')}
      </h3>
      {notes.length === 0 ? <p className="hint">{t('notes.none')}</p> : null}
      <ol className="note-list">
        {notes.map((note) => (
          <li key={note.id} className="note">
            <div className="note-meta">
              <strong>{note.author?.displayName ?? t('notes.someone')}</strong> ·{' '}
              <time dateTime={note.createdAt}>{format.dateTime(note.createdAt)}</time>
            </div>
            <p>{note.body}</p>
          </li>
        ))}
      </ol>
      <form
        className="note-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label className="visually-hidden" htmlFor={`${id}-input`}>
          {t('notes.label')}
        </label>
        <textarea
          id={`${id}-input`}
          ref={inputRef}
          rows={2}
          value={body}
          placeholder={t('notes.placeholder')}
          onChange={(event) => {
            setBody(event.target.value);
            setQuery(mentionQueryAt(event.target.value, event.target.selectionStart ?? event.target.value.length));
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void submit();
            }
          }}
        />
        {candidates.length > 0 ? (
          <ul className="mention-candidates" aria-label={t('notes.colleagues')}>
            {candidates.map((user) => (
              <li key={user.id}>
                <button type="button" className="link-button" onClick={() => pick(user)}>
                  {user.displayName} <span className="hint">@{handleOf(user)}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <button type="submit" className="button button-secondary" disabled={!body.trim() || add.isPending}>
          {t('notes.add')}
        </button>
        {add.isError ? (
          <p className="error" role="alert">
            {(add.error as Error).message}
          </p>
        ) : null}
      </form>
    </section>
  );
});
