/**
 * Cyrillic ↔ Latin transliteration. Brand names are matched on a Latin "phonetic key" (so "СвязьОн",
 * "svyazon" and "@SvyazOn_official" are one brand), and Russian typed in Latin letters is read back into
 * Cyrillic before the lexicons run.
 */
const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'e', ґ: 'g',
};

export function cyrillicToLatin(text: string): string {
  let out = '';
  for (const char of text.toLowerCase()) out += CYRILLIC_TO_LATIN[char] ?? char;
  return out;
}

/**
 * A spelling-insensitive key for comparing names across scripts: "clouddesk" and "клауддеск" both become
 * "klavdesk", "automir" and "автомир" both "avtomir". Only letters and digits survive.
 */
export function phoneticKey(text: string): string {
  return cyrillicToLatin(text)
    .replace(/[^a-z0-9]/g, '')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/kh/g, 'h')
    .replace(/ck/g, 'k')
    .replace(/[cq]/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/ou/g, 'au')
    .replace(/au/g, 'av')
    .replace(/[jy]/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

// Longest sequences first, so "shch" is not read as "s" + "hch".
const LATIN_TO_CYRILLIC: [string, string][] = [
  ['shch', 'щ'], ['sch', 'щ'], ['zh', 'ж'], ['kh', 'х'], ['ch', 'ч'], ['sh', 'ш'], ['ts', 'ц'], ['yu', 'ю'],
  ['ya', 'я'], ['yo', 'е'], ['ye', 'е'], ['a', 'а'], ['b', 'б'], ['v', 'в'], ['w', 'в'], ['g', 'г'], ['d', 'д'],
  ['e', 'е'], ['z', 'з'], ['i', 'и'], ['j', 'й'], ['y', 'ы'], ['k', 'к'], ['l', 'л'], ['m', 'м'], ['n', 'н'],
  ['o', 'о'], ['p', 'п'], ['r', 'р'], ['s', 'с'], ['t', 'т'], ['u', 'у'], ['f', 'ф'], ['h', 'х'], ['c', 'ц'],
  ['x', 'кс'], ['q', 'к'], ["'", 'ь'],
];

/** Reads Russian typed in Latin letters ("ne rabotaet") back into Cyrillic ("не работает"). */
export function latinToCyrillic(text: string): string {
  let out = '';
  let i = 0;
  const lower = text.toLowerCase();
  while (i < lower.length) {
    let matched = false;
    for (const [latin, cyrillic] of LATIN_TO_CYRILLIC) {
      if (lower.startsWith(latin, i)) {
        out += cyrillic;
        i += latin.length;
        matched = true;
        break;
      }
    }
    if (!matched) {
      out += lower[i];
      i += 1;
    }
  }
  return out;
}
