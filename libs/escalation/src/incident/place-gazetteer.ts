/**
 * A small gazetteer for incident scope (GUIDE §5: single, regional, national, global): the larger Russian
 * cities and regions and the nearby and usual foreign places customers write from, in Russian (stems cover
 * case forms: «в Нижнем Новгороде», «Москве», «из Казани») and English. `area` groups a city with its own
 * region, so "Moscow" and "Подмосковье" are one area while "Moscow" and "Kazan" are two.
 * Short names are spelled out by case form rather than stemmed, so «Уфа» does not match «уфолог».
 */
import { CueList, normaliseForCues } from '../text-cue.matcher';

export type PlaceKind = 'city' | 'region' | 'country';

export interface Place {
  id: string;
  name: { ru: string; en: string };
  kind: PlaceKind;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** A city and its region share an area. */
  area: string;
  patterns: readonly string[];
}

const ru = (id: string, ruName: string, enName: string, kind: PlaceKind, area: string, patterns: string[]): Place => ({
  id,
  name: { ru: ruName, en: enName },
  kind,
  country: 'RU',
  area,
  patterns,
});

const abroad = (id: string, ruName: string, enName: string, kind: PlaceKind, country: string, patterns: string[]): Place => ({
  id,
  name: { ru: ruName, en: enName },
  kind,
  country,
  area: `${country}:${id}`,
  patterns,
});

export const PLACES: readonly Place[] = [
  ru('moscow', 'Москва', 'Moscow', 'city', 'moscow', ['москв*', 'moscow', 'мск']),
  ru('moscow-oblast', 'Московская область', 'Moscow Oblast', 'region', 'moscow', ['подмосковь*', 'московск* област*', 'moscow region', 'moscow oblast']),
  ru('spb', 'Санкт-Петербург', 'Saint Petersburg', 'city', 'spb', ['петербург*', 'санкт-петербург*', 'питер*', 'спб', 'st. petersburg', 'st petersburg', 'saint petersburg', 'spb']),
  ru('leningrad-oblast', 'Ленинградская область', 'Leningrad Oblast', 'region', 'spb', ['ленинградск* област*', 'ленобласт*', 'leningrad oblast', 'leningrad region']),
  ru('nizhny-novgorod', 'Нижний Новгород', 'Nizhny Novgorod', 'city', 'nizhny', ['нижн* новгород*', 'н. новгород*', 'nizhny novgorod', 'nizhniy novgorod', 'nizhni novgorod']),
  ru('nizhny-oblast', 'Нижегородская область', 'Nizhny Novgorod Oblast', 'region', 'nizhny', ['нижегородск*']),
  ru('kazan', 'Казань', 'Kazan', 'city', 'tatarstan', ['казан*', 'kazan']),
  ru('tatarstan', 'Татарстан', 'Tatarstan', 'region', 'tatarstan', ['татарстан*', 'tatarstan']),
  ru('novosibirsk', 'Новосибирск', 'Novosibirsk', 'city', 'novosibirsk', ['новосибирск*', 'novosibirsk']),
  ru('yekaterinburg', 'Екатеринбург', 'Yekaterinburg', 'city', 'sverdlovsk', ['екатеринбург*', 'екб', 'yekaterinburg', 'ekaterinburg']),
  ru('sverdlovsk-oblast', 'Свердловская область', 'Sverdlovsk Oblast', 'region', 'sverdlovsk', ['свердловск* област*', 'sverdlovsk']),
  ru('chelyabinsk', 'Челябинск', 'Chelyabinsk', 'city', 'chelyabinsk', ['челябинск*', 'chelyabinsk']),
  ru('samara', 'Самара', 'Samara', 'city', 'samara', ['самар*', 'samara']),
  ru('tolyatti', 'Тольятти', 'Tolyatti', 'city', 'samara', ['тольятти', 'tolyatti', 'togliatti']),
  ru('omsk', 'Омск', 'Omsk', 'city', 'omsk', ['омск*', 'omsk']),
  ru('rostov', 'Ростов-на-Дону', 'Rostov-on-Don', 'city', 'rostov', ['ростов*', 'rostov']),
  ru('ufa', 'Уфа', 'Ufa', 'city', 'bashkortostan', ['уфа', 'уфе', 'уфы', 'уфу', 'уфой', 'ufa']),
  ru('bashkortostan', 'Башкортостан', 'Bashkortostan', 'region', 'bashkortostan', ['башкортостан*', 'башкири*', 'bashkortostan', 'bashkiria']),
  ru('krasnoyarsk', 'Красноярск', 'Krasnoyarsk', 'city', 'krasnoyarsk', ['красноярск*', 'krasnoyarsk']),
  ru('voronezh', 'Воронеж', 'Voronezh', 'city', 'voronezh', ['воронеж*', 'voronezh']),
  ru('perm', 'Пермь', 'Perm', 'city', 'perm', ['пермь', 'перми', 'пермью', 'пермск*']),
  ru('volgograd', 'Волгоград', 'Volgograd', 'city', 'volgograd', ['волгоград*', 'volgograd']),
  ru('krasnodar', 'Краснодар', 'Krasnodar', 'city', 'kuban', ['краснодар*', 'krasnodar']),
  ru('kuban', 'Краснодарский край', 'Krasnodar Krai', 'region', 'kuban', ['кубан*', 'краснодарск* кра*', 'kuban']),
  ru('sochi', 'Сочи', 'Sochi', 'city', 'kuban', ['сочи', 'sochi']),
  ru('saratov', 'Саратов', 'Saratov', 'city', 'saratov', ['саратов*', 'saratov']),
  ru('tyumen', 'Тюмень', 'Tyumen', 'city', 'tyumen', ['тюмен*', 'tyumen']),
  ru('izhevsk', 'Ижевск', 'Izhevsk', 'city', 'udmurtia', ['ижевск*', 'izhevsk']),
  ru('barnaul', 'Барнаул', 'Barnaul', 'city', 'altai', ['барнаул*', 'barnaul']),
  ru('irkutsk', 'Иркутск', 'Irkutsk', 'city', 'irkutsk', ['иркутск*', 'irkutsk']),
  ru('khabarovsk', 'Хабаровск', 'Khabarovsk', 'city', 'khabarovsk', ['хабаровск*', 'khabarovsk']),
  ru('vladivostok', 'Владивосток', 'Vladivostok', 'city', 'primorye', ['владивосток*', 'vladivostok']),
  ru('primorye', 'Приморский край', 'Primorye', 'region', 'primorye', ['приморь*', 'приморск* кра*', 'primorye']),
  ru('yaroslavl', 'Ярославль', 'Yaroslavl', 'city', 'yaroslavl', ['ярославл*', 'yaroslavl']),
  ru('tomsk', 'Томск', 'Tomsk', 'city', 'tomsk', ['томск*', 'tomsk']),
  ru('orenburg', 'Оренбург', 'Orenburg', 'city', 'orenburg', ['оренбург*', 'orenburg']),
  ru('kemerovo', 'Кемерово', 'Kemerovo', 'city', 'kuzbass', ['кемерово', 'кузбасс*', 'kemerovo', 'kuzbass']),
  ru('kaliningrad', 'Калининград', 'Kaliningrad', 'city', 'kaliningrad', ['калининград*', 'kaliningrad']),
  ru('murmansk', 'Мурманск', 'Murmansk', 'city', 'murmansk', ['мурманск*', 'murmansk']),
  ru('tula', 'Тула', 'Tula', 'city', 'tula', ['тула', 'туле', 'тулы', 'тулу', 'тулой', 'тульск*']),
  ru('velikiy-novgorod', 'Великий Новгород', 'Veliky Novgorod', 'city', 'novgorod', ['велик* новгород*', 'veliky novgorod', 'velikiy novgorod']),
  ru('russia', 'Россия', 'Russia', 'country', 'RU', ['росси*', 'russia', 'рф']),
  abroad('kazakhstan', 'Казахстан', 'Kazakhstan', 'country', 'KZ', ['казахстан*', 'kazakhstan']),
  abroad('almaty', 'Алматы', 'Almaty', 'city', 'KZ', ['алмат*', 'almaty']),
  abroad('astana', 'Астана', 'Astana', 'city', 'KZ', ['астан*', 'astana']),
  abroad('belarus', 'Беларусь', 'Belarus', 'country', 'BY', ['беларус*', 'белорусси*', 'belarus']),
  abroad('minsk', 'Минск', 'Minsk', 'city', 'BY', ['минск*', 'minsk']),
  abroad('uzbekistan', 'Узбекистан', 'Uzbekistan', 'country', 'UZ', ['узбекистан*', 'uzbekistan']),
  abroad('tashkent', 'Ташкент', 'Tashkent', 'city', 'UZ', ['ташкент*', 'tashkent']),
  abroad('yerevan', 'Ереван', 'Yerevan', 'city', 'AM', ['ереван*', 'yerevan']),
  abroad('tbilisi', 'Тбилиси', 'Tbilisi', 'city', 'GE', ['тбилиси', 'tbilisi']),
  abroad('bishkek', 'Бишкек', 'Bishkek', 'city', 'KG', ['бишкек*', 'bishkek']),
  abroad('istanbul', 'Стамбул', 'Istanbul', 'city', 'TR', ['стамбул*', 'istanbul']),
  abroad('dubai', 'Дубай', 'Dubai', 'city', 'AE', ['дубай', 'дубае', 'дубая', 'dubai']),
  abroad('belgrade', 'Белград', 'Belgrade', 'city', 'RS', ['белград*', 'belgrade']),
  abroad('berlin', 'Берлин', 'Berlin', 'city', 'DE', ['берлин*', 'berlin']),
  abroad('germany', 'Германия', 'Germany', 'country', 'DE', ['германи*', 'germany']),
  abroad('london', 'Лондон', 'London', 'city', 'GB', ['лондон*', 'london']),
  abroad('paris', 'Париж', 'Paris', 'city', 'FR', ['париж*', 'paris']),
  abroad('new-york', 'Нью-Йорк', 'New York', 'city', 'US', ['нью-йорк*', 'new york', 'nyc']),
  abroad('usa', 'США', 'United States', 'country', 'US', ['сша', 'usa', 'united states']),
  abroad('tel-aviv', 'Тель-Авив', 'Tel Aviv', 'city', 'IL', ['тель-авив*', 'tel aviv']),
];

/** Phrases saying the failure is everywhere in the country. */
export const NATIONWIDE = new CueList('nationwide', [
  'по всей стране', 'по всей россии', 'во всех городах', 'во всех регионах', 'в разных городах', 'в разных регионах',
  'nationwide', 'all over the country', 'across the country', 'in every city', 'in every region', 'in all regions',
  'every region', 'all regions',
]);

const COMPILED = PLACES.map((place) => ({ place, cues: new CueList(place.id, place.patterns) }));

/** The places a text names (each at most once). */
export function extractPlaces(text: string): Place[] {
  const normalised = normaliseForCues(text);
  return COMPILED.filter(({ cues }) => cues.test(normalised)).map(({ place }) => place);
}

export function saysNationwide(text: string): boolean {
  return NATIONWIDE.test(normaliseForCues(text));
}
