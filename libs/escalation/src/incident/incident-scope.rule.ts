/**
 * Incident scope (GUIDE §5): single (one customer, or one isolated case), regional (a city or region),
 * national (several regions of one country, or "everywhere"), global (several countries). Early on it is
 * often unclear: the answer comes with the places and author counts it rests on, and a confidence.
 */
import type { MentionInput } from '@otklik/domain';
import { extractPlaces, saysNationwide, type Place } from './place-gazetteer';

export type IncidentScope = 'single' | 'regional' | 'national' | 'global';

export interface ScopeSettings {
  /** At most this many distinct authors is a single incident, whatever places they name. */
  singleMaxAuthors: number;
  /** Distinct areas (a city with its region) from which the incident is national. */
  nationalAreas: number;
  /** Distinct authors saying "everywhere" / "по всей стране" needed to call it national. */
  nationwideAuthors: number;
  /** Without any place named, this many distinct authors make it national (a mass online failure). */
  nationalAuthorsWithoutPlaces: number;
}

export const DEFAULT_SCOPE_SETTINGS: ScopeSettings = Object.freeze({
  singleMaxAuthors: 2,
  nationalAreas: 3,
  nationwideAuthors: 2,
  nationalAuthorsWithoutPlaces: 30,
});

export interface PlaceCount {
  id: string;
  name: { ru: string; en: string };
  kind: Place['kind'];
  country: string;
  mentions: number;
  authors: number;
}

export interface ScopeAssessment {
  scope: IncidentScope;
  confidence: 'low' | 'medium' | 'high';
  places: PlaceCount[];
  countries: string[];
  areas: number;
  authors: number;
  explanation: string[];
}

/** Affected people: the brand's own account and media are not customers. */
export function affectedAuthors(mentions: readonly MentionInput[]): Set<string> {
  return new Set(mentions.filter((mention) => mention.author.kind !== 'brand' && mention.author.kind !== 'media').map((mention) => mention.author.id));
}

export function assessScope(mentions: readonly MentionInput[], settings: ScopeSettings = DEFAULT_SCOPE_SETTINGS): ScopeAssessment {
  const authors = affectedAuthors(mentions);
  const byPlace = new Map<string, { place: Place; mentions: number; authors: Set<string> }>();
  const nationwideBy = new Set<string>();
  for (const mention of mentions) {
    if (mention.author.kind === 'brand') continue;
    for (const place of extractPlaces(mention.text)) {
      const entry = byPlace.get(place.id) ?? { place, mentions: 0, authors: new Set<string>() };
      entry.mentions += 1;
      entry.authors.add(mention.author.id);
      byPlace.set(place.id, entry);
    }
    if (saysNationwide(mention.text)) nationwideBy.add(mention.author.id);
  }
  const places = [...byPlace.values()]
    .sort((a, b) => b.mentions - a.mentions || a.place.id.localeCompare(b.place.id))
    .map(({ place, mentions: count, authors: who }) => ({ id: place.id, name: place.name, kind: place.kind, country: place.country, mentions: count, authors: who.size }));
  const countries = [...new Set(places.map((place) => place.country))].sort();
  const localPlaces = [...byPlace.values()].filter(({ place }) => place.kind !== 'country');
  const areas = new Set(localPlaces.map(({ place }) => place.area)).size;
  const names = places.map((place) => place.name.en).join(', ');
  const base = { places, countries, areas, authors: authors.size };

  if (authors.size <= settings.singleMaxAuthors) {
    return {
      ...base,
      scope: 'single',
      confidence: authors.size <= 1 ? 'high' : 'medium',
      explanation: [`${authors.size} affected author(s): an isolated case, a private conversation rather than a public statement`],
    };
  }
  if (countries.length >= 2) {
    return { ...base, scope: 'global', confidence: countries.length >= 3 || places.length >= 3 ? 'high' : 'medium', explanation: [`places in ${countries.length} countries (${countries.join(', ')}): ${names}`] };
  }
  if (areas >= settings.nationalAreas) {
    return { ...base, scope: 'national', confidence: areas >= settings.nationalAreas + 2 ? 'high' : 'medium', explanation: [`${areas} distinct cities/regions named by ${authors.size} authors: ${names}`] };
  }
  if (nationwideBy.size >= settings.nationwideAuthors) {
    return { ...base, scope: 'national', confidence: 'medium', explanation: [`${nationwideBy.size} authors say it happens everywhere in the country`] };
  }
  const placeAuthors = new Set(localPlaces.flatMap(({ authors: who }) => [...who]).filter((id) => authors.has(id))).size;
  // One person naming a city among many who don't is weak evidence of geography.
  if (areas > 0 && placeAuthors >= Math.max(2, 0.2 * authors.size)) {
    return {
      ...base,
      scope: 'regional',
      confidence: areas === 1 && placeAuthors >= 3 ? 'high' : 'medium',
      explanation: [`${placeAuthors} of ${authors.size} authors name ${names} (${areas} area${areas === 1 ? '' : 's'})`],
    };
  }
  if (authors.size >= settings.nationalAuthorsWithoutPlaces) {
    return { ...base, scope: 'national', confidence: 'low', explanation: [`${authors.size} distinct authors and hardly any place named: a mass failure, not a local one`] };
  }
  if (areas > 0) {
    return { ...base, scope: 'regional', confidence: 'low', explanation: [`only ${placeAuthors} of ${authors.size} authors name a place (${names}); geography not settled yet`] };
  }
  return { ...base, scope: 'regional', confidence: 'low', explanation: [`no places named; ${authors.size} distinct authors: more than a single case, geography unknown yet`] };
}
