/**
 * Our own wording for the two public messages around a private conversation (GUIDE §3-§4): the public answer
 * that moves the details to a private channel (never asking for personal data in public), and the closing
 * follow-up, offered only after the customer has confirmed the outcome (the last word).
 */
export type WordingLang = 'ru' | 'en';

export function langOf(lang: string | null, text: string): WordingLang {
  if (lang === 'ru' || lang === 'en') return lang;
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.filter((letter) => /[а-яё]/i.test(letter)).length * 2 >= letters.length && letters.length > 0 ? 'ru' : 'en';
}

export function movedToDirectMessage(lang: WordingLang): string {
  return lang === 'ru'
    ? 'Спасибо, что написали нам и подробно всё описали. Понимаем, как неприятно, когда так происходит, и хотим разобраться. Мы написали вам в личные сообщения: ответьте там, пожалуйста, чтобы мы нашли историю ваших обращений и вернулись с полным ответом.'
    : 'Thank you for writing to us and for the details. We understand how frustrating this is, and we want to sort it out. We have sent you a direct message: please reply there so we can find the history of your requests and come back with a full answer.';
}

/** For channels where we cannot write first (app stores, review sites): an invitation to a channel that works. */
export function invitationToContact(lang: WordingLang, contact: string | null): string {
  if (lang === 'ru') {
    const where = contact ? `на ${contact}` : 'в нашу службу поддержки через форму на сайте';
    return `Спасибо, что написали и подробно всё описали. Понимаем, как это неприятно, и хотим разобраться. Здесь мы не можем написать вам первыми, поэтому напишите нам, пожалуйста, ${where} и приложите ссылку на этот отзыв: так мы найдём историю ваших обращений и вернёмся с полным ответом. Личные данные здесь, пожалуйста, не публикуйте.`;
  }
  const where = contact ? `at ${contact}` : 'through the contact form on our website';
  return `Thank you for writing and for the details. We understand how frustrating this is, and we want to sort it out. We cannot message you first here, so please write to us ${where} with a link to this review: that way we can find the history of your requests and come back with a full answer. Please do not post personal details here.`;
}

export function closingFollowUp(lang: WordingLang): string {
  return lang === 'ru'
    ? 'Рады, что всё удалось решить, и спасибо, что дали нам время разобраться и рассказали о результате. Если что-то ещё понадобится, пишите: мы на связи.'
    : 'We are glad this is sorted, and thank you for giving us the time to look into it and for letting us know how it went. If anything else comes up, write to us: we are here.';
}
