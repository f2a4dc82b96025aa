import { PhraseSet } from '../text/pattern';

/** Any apology or expression of regret, Russian and English. */
export const APOLOGY = new PhraseSet([
  'извин~',
  'прос~ прощения',
  'прошу прощения',
  'сожалеем',
  'сожалею',
  'жаль',
  'виноваты',
  'наша ошибка',
  'наш косяк',
  'sorry',
  'apolog~',
  'regret~',
  'our (?:mistake|error|fault|bad)',
  "that's on us",
]);

/**
 * Apologies that name nothing: a generic object ("за неудобства", "for any inconvenience", "for the trouble",
 * "за ситуацию" with nothing after it), the "sorry to hear that" formula, or a formal apology standing alone
 * ("Приносим извинения.", "We apologise!").
 */
export const VAGUE_APOLOGY = new PhraseSet([
  '(?:приносим|приношу|примите) (?:свои |наши |искренние |глубочайшие |глубокие )*извинения за (?:(?:все |любые |возможные |доставленн~ |причиненн~ )*неудобств~|беспокойство|ожидание)',
  '(?:извините|просим прощения|прошу прощения|сожалеем|извиняемся) (?:нас |за )?(?:(?:все |любые |возможные |доставленн~ |причиненн~ )*неудобств~)',
  '(?:приносим|приношу|примите) (?:свои |наши |искренние |глубочайшие |глубокие )*извинения(?=\\s*[.!…)]|\\s*$)',
  '(?:извините|приносим извинения|просим прощения|сожалеем) за (?:(?:неприятн~|сложивш~|данн~|эт~|так~) )?ситуаци~(?=\\s*[.!…,)]|\\s*$)',
  '(?:нам )?(?:очень )?(?:жаль|печально) (?:это )?(?:слышать|читать)(?=\\s*[.!,…:;)]|\\s*$)',
  '(?:we |i )?(?:sincerely |deeply |truly )?apologi[sz]e for (?:any|the|all the) (?:inconvenience|trouble|issues?|problems?)(?: (?:caused|this (?:may have |has )?caused))?',
  '(?:we |i )?(?:sincerely |deeply |truly )?apologi[sz]e(?=\\s*[.!…]|\\s*$)',
  '(?:our |my )?(?:sincere |deepest )?apologies(?: for (?:any|the) (?:inconvenience|trouble))?(?=\\s*[.!…]|\\s*$)',
  "(?:we're |we are |i'm |i am )?(?:so |very |really |truly )?sorry (?:for|about) (?:any|the|all the) (?:inconvenience|trouble)(?: caused)?",
  "(?:we're |we are |i'm |i am )?(?:so |very |really |truly )?sorry to (?:hear|read) (?:that|this|about (?:that|this|your experience))(?=\\s*[.!,…:;)]|\\s*$)",
  '(?:sorry|apologies) for (?:the|this|that) situation',
]);
