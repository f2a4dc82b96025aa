/**
 * Case- and spelling-folding that keeps every offset: the folded text has the same length as the original,
 * so a match found in folded text is a span of the original draft. (A plain toLowerCase() can change the
 * length of a few characters, e.g. 'İ'; those are left as they are.)
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // The common case: lower-casing kept every offset, so only the spelling folds remain.
  if (lower.length === text.length) return lower.replace(/ё/g, 'е').replace(/[’‘ʼ]/g, "'");
  let out = '';
  for (const char of text) {
    if (char.length !== 1) {
      out += char;
      continue;
    }
    let lower = char.toLowerCase();
    if (lower.length !== 1) lower = char;
    if (lower === 'ё') lower = 'е';
    else if (lower === '’' || lower === '‘' || lower === 'ʼ') lower = "'";
    out += lower;
  }
  return out;
}
